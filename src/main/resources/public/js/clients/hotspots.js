// Hotspot engine endpoints (issue 3): /api/workspaces/{ws}/hotspots/{density,gistar,sites}.
// The heatmap itself is drawn from the density tiles (density-tiles.js).
import { getJson, wsPath } from '../api.js';

/** Hours counted as evening and night when the workspace's settings say nothing (local time, wraps midnight). */
export const NIGHT_HOURS = '18-06';

/**
 * Query parameters shared by the hotspot endpoints and the density tiles, from the map state.
 * @param nightHours the workspace's night ("18-06"), asked for when "night only" is ticked
 */
export function analysisParams(state, nightHours = NIGHT_HOURS, layer = 'incidents') {
  return {
    layer,
    bandwidth: state.bandwidthMeters,
    from: state.from,
    to: state.to,
    categories: state.categories,
    hours: state.night ? nightHours : '',
  };
}

export const densityPath = (ws) => `${wsPath(ws)}/hotspots/density`;
export const gistarPath = (ws) => `${wsPath(ws)}/hotspots/gistar`;
export const sitesPath = (ws) => `${wsPath(ws)}/hotspots/sites`;
export const streetsPath = (ws) => `${wsPath(ws)}/hotspots/streets`;

/** Hot streets (members only): lixel lines with `density` in events per km of street. */
export function streets(ws, params) {
  return getJson(streetsPath(ws), params);
}

export function contours(ws, params) {
  return getJson(densityPath(ws), { ...params, format: 'contours' });
}

/**
 * Gi* hexagons. The kernel bandwidth is no parameter of Gi* (its neighbourhood is the distance
 * `band`), and the service answers 400 to a parameter it does not declare, so it is not sent.
 */
export function giStar(ws, { bandwidth, ...params }) {
  return getJson(gistarPath(ws), params);
}

/** Patrol sites, best first: by the `rank` the service gives every site (1 is the best). */
export async function sites(ws, params, n = 10) {
  const fc = await getJson(sitesPath(ws), { ...params, n });
  fc.features.sort((a, b) => a.properties.rank - b.properties.rank);
  return fc;
}
