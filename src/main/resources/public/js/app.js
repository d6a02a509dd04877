// The page's shared state, handed to every panel: the Leaflet map, the view state (mirrored in the
// URL), the caller's session, the chosen workspace and the click tools. Panels read it when they
// run and change it through the methods here, so no module keeps its own copy.
import { ApiError } from './api.js';
import { roleIn } from './access.js';
import { parseState, serializeState } from './state.js';
import { t } from './i18n.js';
import { $ } from './dom.js';

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
    tr: (key, params) => t(app.state.lang, key, params),
    role: () => (app.workspace ? roleIn(app.session, app.workspace.id) : 'public'),
    say: (text) => { $('status').textContent = text; },
    /** Says in words why something could not be shown. */
    failed: (what, e) => {
      const status = e instanceof ApiError ? e.status : e.message;
      app.say(app.tr('unavailable', { what, status }));
    },
    setState: (next) => {
      app.state = next;
      window.history.replaceState(null, '', `${window.location.pathname}${serializeState(app.state)}`);
    },
  };
  app.tools.graphics.addTo(map);
  return app;
}
