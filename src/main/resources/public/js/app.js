// The page's shared state, handed to every panel: the Leaflet map, the view state (mirrored in the
// URL), the caller's session, the chosen workspace and the click tools. Panels read it when they
// run and change it through the methods here, so no module keeps its own copy.
import { ApiError } from './api.js';
import { roleIn } from './access.js';
import { parseState, serializeState } from './state.js';
import { t } from './i18n.js';
import { NIGHT_HOURS, analysisParams } from './clients/hotspots.js';
import { $ } from './dom.js';

/** Why a request failed, in the page's language: by HTTP status, else that the service is unreachable. */
export function reasonOf(app, e) {
  const status = e instanceof ApiError ? e.status : 0;
  const key = `problem.${status}`;
  const text = app.tr(key);
  return text === key ? app.tr('problem.other') : text;
}

export function createApp(L, map) {
  const app = {
    L,
    map,
    state: parseState(window.location.search),
    session: { authenticated: false, role: 'public', workspaces: [] },
    workspaceList: [],
    workspace: null,
    /** Leaflet layers on the map, by layer name. */
    drawn: new Map(),
    /** The active click tool ('walk', 'route' or null) and what it has picked. */
    tools: { mode: null, walkStart: null, routeA: null, routeB: null, graphics: L.layerGroup() },
    /** Category code -> {sv, en} display names, from the workspace's settings when it has them. */
    categoryNames: {},
    /** The workspace's night as an hour window ("18-06"). */
    nightHours: NIGHT_HOURS,
    /**
     * The query parameters of every analysis (density tiles, contours, Gi*, sites) for the view:
     * members' free filters; for the public the chosen release, group and slice (free parameters
     * are members-only), or only the layer where the workspace publishes no releases.
     */
    analysisParams: () => (app.role() === 'public'
      ? app.releaseParams?.() ?? { layer: 'incidents' }
      : analysisParams(app.state, app.nightHours)),
    /** The release metadata of the last public answer ({period, madeAt, mechanism, ...}). */
    releaseMeta: null,
    tr: (key, params) => t(app.state.lang, key, params),
    categoryName: (code) => app.categoryNames[code]?.[app.state.lang] ?? app.categoryNames[code]?.sv ?? code,
    role: () => (app.workspace ? roleIn(app.session, app.workspace.id) : 'public'),
    say: (text) => { $('status').textContent = text; },
    /** Says in words why something could not be shown (never a bare status code). */
    failed: (what, e) => {
      app.say(app.tr('unavailable', { what, reason: reasonOf(app, e) }));
    },
    setState: (next) => {
      app.state = next;
      window.history.replaceState(null, '', `${window.location.pathname}${serializeState(app.state)}`);
    },
  };
  app.tools.graphics.addTo(map);
  return app;
}
