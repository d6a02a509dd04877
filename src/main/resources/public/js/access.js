// What the page may request for a caller, mirroring the service's access rules (http/Access):
// raw records (incidents, unsafe places, lamps) need a key that covers the workspace; aggregated
// results (density, contours, Gi*, patrol sites, dark stretches, lighting priorities, commitment
// progress) and the map context (streets with names, named places: no personal data) are also
// open to the public when the workspace is public. What a role may not see is not requested, so
// the public view never even asks for raw points. Pure.

/** Layers drawn from aggregated results and the map context: open to the public on public workspaces. */
export const AGGREGATE_LAYERS = ['boundary', 'streets', 'places', 'density', 'contours', 'gistar', 'sites', 'dark', 'commitments'];

/** Layers that read raw records or show where single events lie (hot streets): workspace members only. */
export const MEMBER_LAYERS = ['incidents', 'unsafe-places', 'lamps', 'hot-streets'];

/** Panels and the role each needs ('public', 'viewer' or 'analyst'). */
export const PANELS = { sites: 'public', commitments: 'public', lighting: 'public', route: 'public', walk: 'viewer' };

const RANK = { public: 0, viewer: 1, analyst: 2, admin: 3 };

/**
 * The caller's effective role in one workspace: 'public' when the key does not cover it (or there
 * is no key), else the key's role.
 * @param {{role: string, workspaces: string[]}} session the answer of GET /api/session
 */
export function roleIn(session, ws) {
  if (!session || session.role === 'public') return 'public';
  const covers = session.workspaces.includes('*') || session.workspaces.includes(ws);
  return covers ? session.role : 'public';
}

/** Whether the role may draw this layer in a workspace with the given public flag. */
export function mayDraw(role, layer, workspaceIsPublic) {
  if (RANK[role] >= RANK.viewer) return AGGREGATE_LAYERS.includes(layer) || MEMBER_LAYERS.includes(layer);
  return workspaceIsPublic && AGGREGATE_LAYERS.includes(layer);
}

/** Whether the role may open a panel. */
export function mayOpen(role, panel, workspaceIsPublic) {
  const need = PANELS[panel];
  if (need === undefined) return false;
  if (need === 'public') return RANK[role] >= RANK.viewer || workspaceIsPublic;
  return RANK[role] >= RANK[need];
}

/** Free-text comments of unsafe places are for analysts (and admins) only. */
export function mayReadComments(role) {
  return RANK[role] >= RANK.analyst;
}
