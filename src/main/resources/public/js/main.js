// The web map's glue: reads the state from the URL, asks who the caller is, and hands the page's
// shared state (app.js) to one module per panel. Logic worth testing lives in the other modules.
import { getJson, storeKey, storedKey } from './api.js';
import { mayOpen } from './access.js';
import { parseState, serializeState } from './state.js';
import { $, el } from './dom.js';
import { createApp } from './app.js';
import { codesOf, namesOf } from './categories.js';
import { NIGHT_HOURS } from './clients/hotspots.js';
import { createContext } from './panels/context.js';
import { createLayers } from './panels/layers.js';
import { createSitesPanel } from './panels/sites.js';
import { createWalkPanel } from './panels/walk.js';
import { createRoutePanel } from './panels/route.js';
import { createLightingPanel } from './panels/lighting.js';
import { createCommitmentsPanel } from './panels/commitments.js';
import { createDownloads } from './panels/downloads.js';
import { createReleasesPanel } from './panels/releases.js';
import { installTipPanel } from './panels/tip.js';

const L = window.L;
const map = L.map('map', { preferCanvas: true, keyboard: true }).setView([59.0, 15.0], 5);
const app = createApp(L, map);
installTipPanel(map, () => app.workspace);
const context = createContext(app);
const sites = createSitesPanel(app, context);
const layers = createLayers(app, sites, context);
const downloads = createDownloads(app);
const releases = createReleasesPanel(app);
app.releaseParams = releases.params;
app.showReleaseMeta = releases.showMeta;
const panels = {
  sites,
  walk: createWalkPanel(app, downloads, context),
  route: createRoutePanel(app),
  lighting: createLightingPanel(app, context),
  commitments: createCommitmentsPanel(app),
};

/** A click snaps to the nearest drawn street within this distance; farther away it stays as it is. */
const SNAP_METERS = 150;

// ---------------------------------------------------------------- session, workspaces, language

function applyLanguage() {
  const { tr } = app;
  document.documentElement.lang = app.state.lang;
  const hours = app.nightHours.replace('-', '–');
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = tr(e.dataset.i18n, { hours }); });
  // the placeholder suggests only names the workspace itself set up, else says what empty means
  const own = Object.values(app.workspace?.settings?.categoryNames ?? {}).slice(0, 3).map((n) => n[app.state.lang] ?? n.sv);
  $('categories').placeholder = own.length ? tr('categoriesExample', { codes: own.join(', ') }) : tr('categoriesAll');
  $('categories').value = namesOf(app.state.categories, app.categoryNames, app.state.lang);
  $('who').textContent = app.session.authenticated ? tr('loggedInAs', { role: tr(`role.${app.role()}`) }) : tr('publicView');
}

async function loadSession() {
  try {
    app.session = await getJson('/api/session');
  } catch (e) {
    storeKey('');
    app.session = { authenticated: false, role: 'public', workspaces: [] };
    app.say(app.tr('badKey'));
  }
  $('login').hidden = app.session.authenticated;
  $('logout').hidden = !app.session.authenticated;
}

async function loadWorkspaces() {
  const json = await getJson('/api/workspaces');
  app.workspaceList = json.workspaces;
  const select = $('workspace');
  select.replaceChildren(el('option', { value: '', text: app.tr('chooseWorkspace') }),
    ...app.workspaceList.map((w) => el('option', { value: w.id, text: w.name })));
  if (!app.workspaceList.some((w) => w.id === app.state.ws)) {
    app.state.ws = app.workspaceList.length ? app.workspaceList[0].id : '';
  }
  select.value = app.state.ws;
  if (!app.workspaceList.length) app.say(app.tr('noWorkspaces'));
}

function fitWorkspace() {
  if (app.state.view) {
    map.setView([app.state.view[0], app.state.view[1]], app.state.view[2]);
  } else if (app.workspace?.boundary) {
    map.fitBounds(L.geoJSON(app.workspace.boundary).getBounds());
  }
}

function renderPanels() {
  document.querySelectorAll('details.panel').forEach((d) => {
    const allowed = app.workspace && mayOpen(app.role(), d.dataset.panel, app.workspace.public);
    d.hidden = !allowed;
    if (!allowed) d.open = false;
  });
}

async function selectWorkspace() {
  app.workspace = app.workspaceList.find((w) => w.id === app.state.ws) ?? null;
  app.nightHours = app.workspace?.settings?.night ?? NIGHT_HOURS;
  app.categoryNames = app.workspace?.categoryNames ?? {};
  app.tools.graphics.clearLayers();
  applyLanguage();
  layers.renderList();
  renderPanels();
  downloads.render();
  fitWorkspace();
  document.body.dataset.role = app.role();
  // free analysis (dates, hours, categories, bandwidth) is for members; the public reads releases
  $('filters').hidden = app.role() === 'public';
  app.releaseMeta = null;
  try {
    await releases.load();
  } catch (e) {
    app.failed(app.tr('release.title'), e);
  }
  downloads.render();
  document.body.dataset.workspace = app.workspace?.id ?? '';
  await layers.redraw();
}

function renderFilters() {
  const { state } = app;
  $('from').value = state.from;
  $('to').value = state.to;
  $('categories').value = namesOf(state.categories, app.categoryNames, state.lang);
  $('night').checked = state.night;
  $('bandwidth').value = String(state.bandwidthMeters);
}

async function start() {
  applyLanguage();
  renderFilters();
  try {
    const config = await getJson('/api/map-config');
    if (config.basemapUrl) {
      L.tileLayer(config.basemapUrl, { attribution: config.basemapAttribution, maxZoom: 19 }).addTo(map).bringToBack();
    }
    await loadSession();
    await loadWorkspaces();
    await selectWorkspace();
    document.body.dataset.ready = 'true';
  } catch (e) {
    app.failed(app.tr('title'), e);
    document.body.dataset.ready = 'error';
  }
}

async function relogin() {
  await loadSession();
  await loadWorkspaces();
  await selectWorkspace();
}

function setMode(mode) {
  app.tools.mode = mode;
  map.getContainer().style.cursor = mode ? 'crosshair' : '';
}

// ---------------------------------------------------------------- events

$('workspace').addEventListener('change', (e) => {
  app.setState({ ...app.state, ws: e.target.value, view: null });
  selectWorkspace();
});

$('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = new URLSearchParams(serializeState(app.state));
  q.set('from', $('from').value);
  q.set('to', $('to').value);
  q.set('cat', codesOf($('categories').value, app.categoryNames).join(','));
  q.set('night', $('night').checked ? '1' : '0');
  q.set('bw', $('bandwidth').value);
  app.setState(parseState(q));
  renderFilters();
  downloads.render();
  layers.redraw();
});

for (const id of ['release-period', 'release-group', 'release-slice']) {
  $(id).addEventListener('change', () => {
    releases.read();
    downloads.render();
    layers.redraw();
  });
}

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  storeKey($('api-key').value.trim());
  $('api-key').value = '';
  await relogin();
});

$('logout').addEventListener('click', async () => {
  storeKey('');
  await relogin();
});

$('lang').addEventListener('click', () => {
  app.setState({ ...app.state, lang: app.state.lang === 'sv' ? 'en' : 'sv' });
  applyLanguage();
  $('workspace').options[0].textContent = app.tr('chooseWorkspace');
  layers.renderList();
  downloads.render();
  sites.refresh();
  panels.route.refresh();
  releases.render();
  app.say('');
});

document.querySelectorAll('details.panel').forEach((d) => d.addEventListener('toggle', () => {
  const panel = d.dataset.panel;
  if (d.open) {
    document.querySelectorAll('details.panel').forEach((o) => { if (o !== d) o.open = false; });
    d.scrollIntoView({ block: 'nearest' });
    setMode(panel === 'walk' || panel === 'route' ? panel : null);
    panels[panel]?.open?.();
  } else if (app.tools.mode === panel) {
    setMode(null);
  }
}));

// The map's click is the only way a tool gets a point, whatever lies under the cursor: the nearest
// point of a drawn street, named by its street.
map.on('click', (e) => {
  if (!app.tools.mode) return;
  const clicked = [e.latlng.lng, e.latlng.lat];
  const street = context.snap(clicked, SNAP_METERS);
  panels[app.tools.mode].pick(street ?? { lonLat: clicked, name: context.nameNear(clicked) });
});
map.on('moveend', () => {
  if (!app.workspace) return;
  const c = map.getCenter();
  app.setState({ ...app.state, view: [c.lat, c.lng, map.getZoom()] });
});

if (storedKey() === '' && document.body.dataset.ready === undefined) $('logout').hidden = true;
start();
