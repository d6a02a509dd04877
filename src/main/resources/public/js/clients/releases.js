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

/** The chosen release, group and slice: the asked ones when the releases list them, else the defaults. */
export function releaseChoice(releases, asked = {}) {
  const periods = (releases.periods ?? []).map(idOf);
  const groups = (releases.groups ?? []).map(idOf);
  const slices = (releases.slices ?? []).map(idOf);
  const d = releases.default ?? {};
  const pick = (want, list, fallback) => (list.includes(want) ? want : list.includes(fallback) ? fallback : list[0] ?? '');
  return {
    release: pick(asked.release, periods, typeof d === 'string' ? d : d.release ?? d.period),
    group: pick(asked.group, groups, d.group ?? 'all'),
    slice: pick(asked.slice, slices, d.slice ?? 'all'),
  };
}

/** The query parameters of a public analysis for a choice. */
export function releaseParams(releases, choice) {
  const layer = (releases.layers ?? [])[0];
  return { release: choice.release, group: choice.group, slice: choice.slice, layer: idOf(layer) ?? '' };
}
