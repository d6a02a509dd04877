// The web map's glue: reads the state from the URL, asks who the caller is, draws what that role
// may see, and wires the controls and panels. Logic worth testing lives in the other modules.
import { ApiError, getBlob, getJson, storeKey, storedKey, withQuery, wsPath } from './api.js';
import { mayDraw, mayOpen, mayReadComments, roleIn } from './access.js';
import { GISTAR_CLASSES, DENSITY_STOPS, contourColour, css, giStarClass, giStarColour } from './ramp.js';
import { gridToImage } from './grid-image.js';
import { LAYERS, parseState, serializeState, withLayer } from './state.js';
import { projectionOf } from './sweref.js';
import { t } from './i18n.js';
import { progressBar } from './progress.js';
import { fetchLayer } from './clients/layers.js';
import * as hotspots from './clients/hotspots.js';
import * as walks from './clients/walks.js';
import * as routes from './clients/routes.js';
import * as lighting from './clients/lighting.js';
import * as commitments from './clients/commitments.js';
import { installTipPanel } from './panels/tip.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

let state = parseState(window.location.search);
let session = { authenticated: false, role: 'public', workspaces: [] };
let workspaceList = [];
let workspace = null;
const drawn = new Map(); // layer name -> Leaflet layer
const tools = { mode: null, walkStart: null, routeA: null, routeB: null, graphics: L.layerGroup() };
let loadGeneration = 0;

const map = L.map('map', { preferCanvas: true, keyboard: true }).setView([59.0, 15.0], 5);
tools.graphics.addTo(map);
installTipPanel(map, () => workspace);
const tr = (key, params) => t(state.lang, key, params);
const role = () => (workspace ? roleIn(session, workspace.id) : 'public');

// ---------------------------------------------------------------- small DOM helpers

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'on') Object.entries(v).forEach(([ev, fn]) => e.addEventListener(ev, fn));
    else if (v !== false && v !== undefined && v !== null) e.setAttribute(k, v === true ? '' : v);
  }
  children.flat().forEach((c) => e.append(c));
  return e;
}

/** A popup built from text only, so a comment can never inject markup. */
function popupOf(props, keys) {
  const dl = el('dl', { class: 'popup' });
  for (const k of keys) {
    if (props[k] !== undefined && props[k] !== null && props[k] !== '') {
      dl.append(el('dt', { text: k }), el('dd', { text: String(props[k]) }));
    }
  }
  return dl;
}

function say(text) {
  $('status').textContent = text;
}

function failed(what, e) {
  const status = e instanceof ApiError ? e.status : e.message;
  say(tr('unavailable', { what, status }));
}

function pushState() {
  window.history.replaceState(null, '', `${window.location.pathname}${serializeState(state)}`);
}

async function download(name, path, params, body) {
  try {
    const blob = await getBlob(path, params, body);
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    failed(name, e);
  }
}

// ---------------------------------------------------------------- layers

const STYLE = {
  boundary: { color: '#12355b', weight: 3, fill: false, dashArray: '6 4' },
  places: { color: '#2e7d32', weight: 2, fillColor: '#66bb6a', fillOpacity: 0.15 },
  commitments: { color: '#6a1b9a', weight: 3, fillColor: '#ab47bc', fillOpacity: 0.2 },
  dark: { color: '#311b92', weight: 5, opacity: 0.85, dashArray: '2 6' },
};

const streetStyle = (f) => ({
  color: f.properties?.lit === 'yes' ? '#c9a227' : f.properties?.lit === 'no' ? '#4a4a4a' : '#8a8a8a',
  weight: ['primary', 'secondary', 'tertiary'].includes(f.properties?.highway) ? 3 : 2,
  opacity: 0.9,
});

/**
 * Clicks on a drawn feature: while the walk or route tool is active they pick a point (a click on a
 * street must not be swallowed by its popup), otherwise they open the feature's popup.
 */
function clickable(layer, keys) {
  return layer.on('click', (e) => {
    if (tools.mode) {
      onMapClick(e);
    } else {
      L.popup().setLatLng(e.latlng).setContent(popupOf(e.layer?.feature?.properties ?? {}, keys)).openOn(map);
    }
  });
}

function points(fc, style, keys) {
  return clickable(L.geoJSON(fc, { pointToLayer: (f, ll) => L.circleMarker(ll, style(f)) }), keys);
}

function filters() {
  return { from: state.from, to: state.to, categories: state.categories };
}

function placesLayer(fc, style) {
  return clickable(L.geoJSON(fc, {
    style,
    pointToLayer: (f, ll) => L.circleMarker(ll, { ...style, radius: 7 }),
    onEachFeature: (f, layer) => {
      const name = f.properties?.name ?? f.properties?.title;
      if (name) layer.bindTooltip(String(name), { className: 'place-label', permanent: true, direction: 'center' });
    },
  }), ['name', 'title']);
}

const DRAW = {
  async boundary(ws) {
    if (!workspace.boundary) return L.layerGroup();
    return L.geoJSON(workspace.boundary, { style: STYLE.boundary, interactive: false });
  },
  async streets(ws) {
    return clickable(L.geoJSON(await fetchLayer(ws, 'streets'), { style: streetStyle }), ['name', 'highway', 'lit']);
  },
  async places(ws) {
    return placesLayer(await fetchLayer(ws, 'places'), STYLE.places);
  },
  async incidents(ws) {
    return points(await fetchLayer(ws, 'incidents', filters()),
      () => ({ radius: 4, color: '#7f0000', weight: 1, fillColor: '#e53935', fillOpacity: 0.8 }),
      ['category', 'occurred_at', 'id']);
  },
  async 'unsafe-places'(ws) {
    const keys = ['category', 'source', 'reported_at'].concat(mayReadComments(role()) ? ['comment'] : []);
    return points(await fetchLayer(ws, 'unsafe-places', filters()),
      () => ({ radius: 6, color: '#4a148c', weight: 2, fillColor: '#ce93d8', fillOpacity: 0.9 }), keys);
  },
  async lamps(ws) {
    return points(await fetchLayer(ws, 'lamps'), (f) => (f.properties?.status === 'broken'
      ? { radius: 7, color: '#a30000', weight: 3, fillColor: '#ff1744', fillOpacity: 1 }
      : { radius: 3, color: '#8d6e00', weight: 1, fillColor: '#ffd54f', fillOpacity: 0.9 }),
    ['status', 'power_w', 'installed_on', 'id']);
  },
  async dark(ws) {
    return clickable(L.geoJSON(await lighting.darkSegments(ws), { style: STYLE.dark }), ['name', 'cause', 'lengthMeters', 'brokenLamps']);
  },
  async density(ws) {
    const grid = await hotspots.densityGrid(ws, state);
    const projection = projectionOf(grid.crs);
    if (!projection) throw new Error(`CRS ${grid.crs}`);
    const image = gridToImage(grid, projection);
    const canvas = el('canvas', { width: image.width, height: image.height });
    canvas.getContext('2d').putImageData(new ImageData(image.rgba, image.width, image.height), 0, 0);
    return L.imageOverlay(canvas.toDataURL('image/png'), image.bounds, { opacity: 1, className: 'density-overlay' });
  },
  async contours(ws) {
    return clickable(L.geoJSON(await hotspots.contours(ws, state), {
      style: (f) => ({ color: contourColour(f.properties?.massFraction ?? f.properties?.level), weight: 2, fillOpacity: 0.08 }),
    }), ['massFraction', 'levelPerKm2']);
  },
  async gistar(ws) {
    return clickable(L.geoJSON(await hotspots.giStar(ws, state), {
      style: (f) => ({ color: '#6b6b6b', weight: 0.5, fillColor: giStarColour(giStarClass(f.properties ?? {})), fillOpacity: 0.6 }),
    }), ['count', 'z', 'p', 'q', 'class']);
  },
  async sites(ws) {
    const fc = await hotspots.sites(ws, state);
    renderSites(fc);
    // A site is a point or its patrol circle (a polygon); either way its rank sits at its centre.
    const rankMarker = (f, ll) => L.marker(ll, {
      icon: L.divIcon({ className: 'site-label', html: String(f.properties?.rank ?? ''), iconSize: [26, 26] }),
      title: `${f.properties?.rank ?? ''}`, keyboard: true,
    });
    const group = L.layerGroup();
    L.geoJSON(fc, {
      style: { color: '#7a1f1f', weight: 2, fillColor: '#7a1f1f', fillOpacity: 0.05 },
      pointToLayer: rankMarker,
      onEachFeature: (f, layer) => {
        if (f.geometry.type !== 'Point') rankMarker(f, layer.getBounds().getCenter()).addTo(group);
      },
    }).addTo(group);
    group.featureCount = fc.features.length;
    return group;
  },
  async commitments(ws) {
    return placesLayer(commitments.commitmentPlaces(await commitments.commitmentsWithProgress(ws)), STYLE.commitments);
  },
};

function layerItem(layer) {
  return document.querySelector(`#layer-list li[data-layer="${layer}"]`);
}

async function drawLayer(layer, generation) {
  const item = layerItem(layer);
  item.dataset.status = 'loading';
  item.setAttribute('aria-busy', 'true');
  try {
    const leaflet = await DRAW[layer](workspace.id);
    if (generation !== loadGeneration || !state.layers.includes(layer)) return;
    removeLayer(layer);
    drawn.set(layer, leaflet.addTo(map));
    if (layer === 'boundary' || layer === 'streets') bringOrder();
    const count = featureCount(leaflet);
    item.dataset.count = String(count);
    item.querySelector('.count').textContent = ` (${count})`;
    item.dataset.status = 'loaded';
  } catch (e) {
    if (generation === loadGeneration) {
      item.dataset.status = 'error';
      failed(tr(`layer.${layer}`), e);
    }
  } finally {
    item.removeAttribute('aria-busy');
  }
}

/** How many features a drawn layer shows (an image overlay counts as one). */
function featureCount(leaflet) {
  if (leaflet.featureCount !== undefined) return leaflet.featureCount;
  return typeof leaflet.getLayers === 'function' ? leaflet.getLayers().length : 1;
}

function bringOrder() {
  ['density', 'gistar', 'contours', 'boundary'].forEach((l) => drawn.get(l)?.bringToBack?.());
}

function removeLayer(layer) {
  const old = drawn.get(layer);
  if (old) map.removeLayer(old);
  drawn.delete(layer);
  const item = layerItem(layer);
  if (item) {
    item.dataset.status = 'off';
    delete item.dataset.count;
    item.querySelector('.count').textContent = '';
  }
}

/** Redraws every switched-on layer the role may see; the rest are removed and never requested. */
async function redraw() {
  const generation = ++loadGeneration;
  LAYERS.forEach(removeLayer);
  if (!workspace) return;
  const allowed = LAYERS.filter((l) => state.layers.includes(l) && mayDraw(role(), l, workspace.public));
  await Promise.all(allowed.map((l) => drawLayer(l, generation)));
}

function renderLayerList() {
  const list = $('layer-list');
  list.replaceChildren();
  for (const layer of LAYERS) {
    const allowed = workspace && mayDraw(role(), layer, workspace.public);
    if (!allowed) continue;
    const box = el('input', { type: 'checkbox', id: `layer-${layer}`, name: layer });
    box.checked = state.layers.includes(layer);
    box.addEventListener('change', () => {
      state = withLayer(state, layer, box.checked);
      pushState();
      if (box.checked) drawLayer(layer, loadGeneration); else removeLayer(layer);
    });
    list.append(el('li', { 'data-layer': layer, 'data-status': 'off' },
      el('label', { for: `layer-${layer}` }, box, ` ${tr(`layer.${layer}`)}`, el('span', { class: 'count' }))));
  }
  renderLegend();
}

function renderLegend() {
  const body = $('legend-body');
  body.replaceChildren();
  const ramp = `linear-gradient(to right, ${DENSITY_STOPS.map((s) => css(s)).join(', ')})`;
  const rampBar = el('div', { class: 'legend-ramp', role: 'img', 'aria-label': tr('layer.density') });
  rampBar.style.background = ramp;
  body.append(el('div', { text: tr('layer.density') }), rampBar,
    el('div', { class: 'legend-row' }, el('span', { text: tr('legend.low') }), el('span', { text: '→' }), el('span', { text: tr('legend.high') })));
  const swatch = (colour, label, round = false) => {
    const s = el('span', { class: round ? 'swatch round' : 'swatch' });
    s.style.background = colour;
    return el('div', { class: 'legend-row' }, s, el('span', { text: label }));
  };
  GISTAR_CLASSES.forEach((c) => body.append(swatch(c.colour, tr(`gistar.${c.key}`))));
  if (workspace && mayDraw(role(), 'lamps', workspace.public)) {
    body.append(swatch('#ff1744', tr('legend.broken'), true), swatch('#ffd54f', tr('legend.working'), true),
      swatch('#311b92', tr('layer.dark')), swatch('#e53935', tr('layer.incidents'), true),
      swatch('#ce93d8', tr('layer.unsafe-places'), true));
  }
  body.append(swatch('#7a1f1f', tr('layer.sites')), swatch('#66bb6a', tr('layer.places')),
    swatch('#ab47bc', tr('layer.commitments')));
  if (workspace && mayOpen(role(), 'walk', workspace.public)) body.append(swatch('#005f99', tr('panel.walk'), true));
}

// ---------------------------------------------------------------- panels

function zoomTo(geometry) {
  if (!geometry) return;
  const g = L.geoJSON(geometry);
  map.fitBounds(g.getBounds(), { maxZoom: 17 });
}

function renderSites(fc) {
  const list = $('site-list');
  list.replaceChildren();
  if (!fc.features.length) list.append(el('li', { text: tr('sites.none') }));
  fc.features.forEach((f) => {
    const p = f.properties ?? {};
    const count = p.eventsCovered ?? p.count;
    const label = `${p.name ?? p.id ?? ''} ${count !== undefined ? tr('sites.item', { count }) : ''}`.trim();
    list.append(el('li', {}, el('button', { type: 'button', text: label || `#${p.rank}`, on: { click: () => zoomTo(f.geometry) } })));
  });
}

async function openSites() {
  if (!drawn.has('sites')) {
    try { renderSites(await hotspots.sites(workspace.id, state)); } catch (e) { failed(tr('panel.sites'), e); }
  }
}

function setMode(mode) {
  tools.mode = mode;
  map.getContainer().style.cursor = mode ? 'crosshair' : '';
}

function onMapClick(e) {
  const lonLat = [e.latlng.lng, e.latlng.lat];
  const fmt = (v) => v.toFixed(5);
  if (tools.mode === 'walk') {
    tools.walkStart = lonLat;
    tools.graphics.clearLayers();
    L.circleMarker(e.latlng, { radius: 8, color: '#005f99', weight: 3, fillOpacity: 0.6 }).addTo(tools.graphics);
    $('walk-start').textContent = tr('walk.start', { lat: fmt(lonLat[1]), lon: fmt(lonLat[0]) });
    $('walk-plan').disabled = false;
  } else if (tools.mode === 'route') {
    if (!tools.routeA || tools.routeB) {
      tools.routeA = lonLat;
      tools.routeB = null;
      tools.graphics.clearLayers();
    } else {
      tools.routeB = lonLat;
    }
    L.marker(e.latlng, { title: tools.routeB ? 'B' : 'A' }).addTo(tools.graphics);
    $('route-points').textContent = [tools.routeA, tools.routeB].filter(Boolean)
      .map((p, k) => `${'AB'[k]}: ${fmt(p[1])}, ${fmt(p[0])}`).join(' → ');
    $('route-find').disabled = !tools.routeB;
  }
}

function walkLength() {
  const v = Number($('walk-length').value);
  return Number.isFinite(v) && v > 0 ? v : 3000;
}

async function planWalk() {
  say(tr('loading'));
  try {
    const w = await walks.planWalk(workspace.id, tools.walkStart, walkLength());
    tools.graphics.clearLayers();
    L.geoJSON(w.route, { style: { color: '#005f99', weight: 5, opacity: 0.85 } }).addTo(tools.graphics);
    const list = $('walk-stops');
    list.replaceChildren();
    w.stops.forEach((s) => {
      L.marker([s.lonLat[1], s.lonLat[0]], {
        icon: L.divIcon({ className: 'site-label stop-label', html: String(s.order), iconSize: [26, 26] }),
        title: s.name, keyboard: true,
      }).addTo(tools.graphics);
      list.append(el('li', { text: [s.name, s.reason].filter(Boolean).join(': ') }));
    });
    $('walk-summary').textContent = tr('walk.summary', { length: Math.round(w.lengthM), minutes: Math.round(w.minutes), stops: w.stops.length });
    $('walk-print').hidden = false;
    $('walk-gpx').hidden = false;
    zoomTo(w.route);
    say('');
  } catch (e) {
    failed(tr('panel.walk'), e);
  }
}

async function printProtocol() {
  try {
    const blob = await walks.protocolBlob(workspace.id, tools.walkStart, walkLength());
    window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  } catch (e) {
    failed(tr('walk.print'), e);
  }
}

async function findRoute() {
  say(tr('loading'));
  try {
    const r = await routes.safeRoute(workspace.id, tools.routeA, tools.routeB);
    tools.graphics.getLayers().filter((l) => l instanceof L.GeoJSON).forEach((l) => tools.graphics.removeLayer(l));
    if (r.shortest.geometry) L.geoJSON(r.shortest.geometry, { style: { color: '#6b6b6b', weight: 4, dashArray: '6 6' } }).addTo(tools.graphics);
    L.geoJSON(r.safe.geometry, { style: { color: '#1a7f37', weight: 6 } }).addTo(tools.graphics);
    $('route-summary').textContent = tr('route.summary', {
      length: Math.round(r.safe.lengthM), lit: Math.round(100 * r.safe.litShare),
      shortLength: Math.round(r.shortest.lengthM), shortLit: Math.round(100 * r.shortest.litShare),
    });
    say('');
  } catch (e) {
    failed(tr('panel.route'), e);
  }
}

async function loadLighting() {
  try {
    const items = await lighting.priorities(workspace.id);
    const list = $('lighting-list');
    list.replaceChildren();
    items.forEach((p) => list.append(el('li', {},
      el('button', { type: 'button', text: `${p.kind ?? ''} ${p.id ?? ''} (${Number(p.score ?? 0).toFixed(2)})`, on: { click: () => zoomTo(p.geometry) } }),
      el('div', { class: 'muted', text: p.explanation ?? '' }))));
  } catch (e) {
    failed(tr('panel.lighting'), e);
  }
}

async function openCommitments() {
  const list = $('commitment-list');
  list.replaceChildren(el('li', { text: tr('loading') }));
  try {
    const items = await commitments.commitmentsWithProgress(workspace.id);
    list.replaceChildren();
    if (!items.length) list.append(el('li', { text: tr('commitments.none') }));
    for (const { commitment, progress } of items) {
      const li = el('li', { 'data-commitment': commitment.id }, el('strong', { text: commitment.title ?? commitment.id }));
      if (progress) {
        const bar = progressBar(progress);
        const meter = el('div', {
          class: 'progress', role: 'progressbar', 'data-status': bar.status, 'aria-valuemin': '0', 'aria-valuemax': '100',
          'aria-valuenow': String(Math.round(bar.donePercent ?? 0)), 'aria-label': commitment.title ?? commitment.id,
        });
        const done = el('div', { class: 'done' });
        done.style.width = `${bar.donePercent ?? 0}%`;
        meter.append(done);
        if (bar.expectedPercent !== null) {
          const exp = el('div', { class: 'expected', title: tr('commitments.expected') });
          exp.style.left = `${bar.expectedPercent}%`;
          meter.append(exp);
        }
        li.append(meter, el('div', { class: 'muted', text: `${bar.text} · ${tr(`status.${bar.status}`)}` }));
      }
      list.append(li);
    }
  } catch (e) {
    list.replaceChildren();
    failed(tr('panel.commitments'), e);
  }
}

function renderPanels() {
  document.querySelectorAll('details.panel').forEach((d) => {
    const allowed = workspace && mayOpen(role(), d.dataset.panel, workspace.public);
    d.hidden = !allowed;
    if (!allowed) d.open = false;
  });
}

function renderDownloads() {
  const list = $('download-list');
  list.replaceChildren();
  if (!workspace) return;
  const ws = workspace.id;
  const p = hotspots.analysisParams(state);
  const items = [
    ['density-geotiff', 'density', `${ws}-density.tif`, hotspots.densityPath(ws), { ...p, format: 'geotiff' }],
    ['density-png', 'density', `${ws}-density.png`, hotspots.densityPath(ws), { ...p, format: 'png' }],
    ['contours', 'contours', `${ws}-contours.geojson`, hotspots.densityPath(ws), { ...p, format: 'contours' }],
    ['gistar', 'gistar', `${ws}-gistar.geojson`, hotspots.gistarPath(ws), p],
    ['sites', 'sites', `${ws}-sites.geojson`, hotspots.sitesPath(ws), p],
    ['report', 'commitments', `${ws}-uppfoljning.html`, commitments.reportPath(ws), { format: 'html', from: state.from, to: state.to }],
    ['incidents', 'incidents', `${ws}-incidents.geojson`, `${wsPath(ws)}/layers/incidents/export`, { format: 'geojson' }],
    ['incidents-csv', 'incidents', `${ws}-incidents.csv`, `${wsPath(ws)}/layers/incidents/export`, { format: 'csv' }],
    ['unsafe-places', 'unsafe-places', `${ws}-unsafe-places.geojson`, `${wsPath(ws)}/layers/unsafe-places/export`, { format: 'geojson' }],
    ['lamps-csv', 'lamps', `${ws}-lamps.csv`, `${wsPath(ws)}/layers/lamps/export`, { format: 'csv' }],
    ['lighting-csv', 'dark', `${ws}-lighting.csv`, lighting.prioritiesPath(ws), { n: 100, format: 'csv' }],
  ];
  for (const [key, layer, file, path, params] of items) {
    if (!mayDraw(role(), layer, workspace.public)) continue;
    list.append(el('li', {}, el('button', {
      type: 'button', 'data-download': key, 'data-href': withQuery(path, params), text: tr(`download.${key}`),
      on: { click: () => download(file, path, params) },
    })));
  }
}

// ---------------------------------------------------------------- session, workspaces, language

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = tr(e.dataset.i18n); });
  const r = role();
  $('who').textContent = session.authenticated ? tr('loggedInAs', { role: tr(`role.${r}`) }) : tr('publicView');
}

async function loadSession() {
  try {
    session = await getJson('/api/session');
  } catch (e) {
    storeKey('');
    session = { authenticated: false, role: 'public', workspaces: [] };
    say(tr('badKey'));
  }
  $('login').hidden = session.authenticated;
  $('logout').hidden = !session.authenticated;
}

async function loadWorkspaces() {
  const json = await getJson('/api/workspaces');
  workspaceList = json.workspaces;
  const select = $('workspace');
  select.replaceChildren(el('option', { value: '', text: tr('chooseWorkspace') }),
    ...workspaceList.map((w) => el('option', { value: w.id, text: w.name })));
  if (!workspaceList.some((w) => w.id === state.ws)) {
    state.ws = workspaceList.length ? workspaceList[0].id : '';
  }
  select.value = state.ws;
  if (!workspaceList.length) say(tr('noWorkspaces'));
}

function fitWorkspace() {
  if (state.view) {
    map.setView([state.view[0], state.view[1]], state.view[2]);
  } else if (workspace?.boundary) {
    map.fitBounds(L.geoJSON(workspace.boundary).getBounds());
  }
}

async function selectWorkspace() {
  workspace = workspaceList.find((w) => w.id === state.ws) ?? null;
  tools.graphics.clearLayers();
  applyLanguage();
  renderLayerList();
  renderPanels();
  renderDownloads();
  fitWorkspace();
  document.body.dataset.role = role();
  document.body.dataset.workspace = workspace?.id ?? '';
  await redraw();
}

function renderFilters() {
  $('from').value = state.from;
  $('to').value = state.to;
  $('categories').value = state.categories.join(', ');
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
    failed(tr('title'), e);
    document.body.dataset.ready = 'error';
  }
}

// ---------------------------------------------------------------- events

$('workspace').addEventListener('change', (e) => {
  state = { ...state, ws: e.target.value, view: null };
  pushState();
  selectWorkspace();
});

$('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = new URLSearchParams(serializeState(state));
  q.set('from', $('from').value);
  q.set('to', $('to').value);
  q.set('cat', $('categories').value.split(',').map((c) => c.trim()).filter(Boolean).join(','));
  q.set('night', $('night').checked ? '1' : '0');
  q.set('bw', $('bandwidth').value);
  state = parseState(q);
  renderFilters();
  pushState();
  renderDownloads();
  redraw();
});

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  storeKey($('api-key').value.trim());
  $('api-key').value = '';
  await loadSession();
  await loadWorkspaces();
  await selectWorkspace();
});

$('logout').addEventListener('click', async () => {
  storeKey('');
  await loadSession();
  await loadWorkspaces();
  await selectWorkspace();
});

$('lang').addEventListener('click', () => {
  state = { ...state, lang: state.lang === 'sv' ? 'en' : 'sv' };
  pushState();
  applyLanguage();
  renderLayerList();
  LAYERS.forEach((l) => {
    const i = layerItem(l);
    if (i && drawn.has(l)) {
      i.dataset.status = 'loaded';
      i.querySelector('.count').textContent = ` (${featureCount(drawn.get(l))})`;
    }
  });
  renderDownloads();
});

document.querySelectorAll('details.panel').forEach((d) => d.addEventListener('toggle', () => {
  const panel = d.dataset.panel;
  if (d.open) {
    document.querySelectorAll('details.panel').forEach((o) => { if (o !== d) o.open = false; });
    d.scrollIntoView({ block: 'nearest' });
    setMode(panel === 'walk' || panel === 'route' ? panel : null);
    if (panel === 'sites') openSites();
    if (panel === 'commitments') openCommitments();
  } else if (tools.mode === panel) {
    setMode(null);
  }
}));

$('walk-plan').addEventListener('click', planWalk);
$('walk-print').addEventListener('click', printProtocol);
$('walk-gpx').addEventListener('click', () => download(`${workspace.id}-vandring.gpx`, walks.planPath(workspace.id),
  { format: 'gpx' }, walks.planBody(tools.walkStart, walkLength())));
$('route-find').addEventListener('click', findRoute);
$('lighting-load').addEventListener('click', loadLighting);
map.on('click', onMapClick);
map.on('moveend', () => {
  if (!workspace) return;
  const c = map.getCenter();
  state = { ...state, view: [c.lat, c.lng, map.getZoom()] };
  pushState();
});

if (storedKey() === '' && document.body.dataset.ready === undefined) $('logout').hidden = true;
start();
