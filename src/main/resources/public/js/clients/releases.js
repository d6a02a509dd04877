// Public releases (issue 17): GET /api/workspaces/{ws}/releases lists the fixed periods, category
// groups and slices the public may read, with the protection that was applied. Anonymous analyses
// take only release, group, slice and layer (display options aside). Pure apart from the fetch.
import { getJson, wsPath } from '../api.js';

export const releasesPath = (ws) => `${wsPath(ws)}/releases`;

/** The releases of a workspace, or null when it publishes none (the route answers 4xx). */
export async function fetchReleases(ws) {
  try {
    return await getJson(releasesPath(ws));
  } catch (e) {
    if (e.status >= 400 && e.status < 500) return null;
    throw e;
  }
}

const idOf = (v) => (typeof v === 'string' ? v : v?.id);

/** The layer the map reads from releases: incidents when published, else the first layer. */
export function releaseLayer(releases) {
  const layers = releases.layers ?? [];
  return layers.includes('incidents') ? 'incidents' : layers[0] ?? '';
}

/** The category groups published for the map's layer: [{id, name: {sv, en}}]. */
export function releaseGroups(releases) {
  return releases.groups?.[releaseLayer(releases)] ?? [];
}

/**
 * The chosen period, group and slice: the asked ones when the releases list them, else the
 * catalogue's default period, the group 'all' and the slice 'all' (or the first listed).
 */
export function releaseChoice(releases, asked = {}) {
  const periods = (releases.periods ?? []).map(idOf);
  const groups = releaseGroups(releases).map(idOf);
  const slices = (releases.slices ?? []).map(idOf);
  const pick = (want, list, fallback) => (list.includes(want) ? want : list.includes(fallback) ? fallback : list[0] ?? '');
  return {
    release: pick(asked.release, periods, releases.default),
    group: pick(asked.group, groups, 'all'),
    slice: pick(asked.slice, slices, 'all'),
  };
}

/** The query parameters of a public analysis for a choice (only those the public may send). */
export function releaseParams(releases, choice) {
  return { release: choice.release, layer: releaseLayer(releases), group: choice.group, slice: choice.slice };
}
