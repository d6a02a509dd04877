// Hotspot engine endpoints (issue 3): /api/workspaces/{ws}/hotspots/{density,gistar,sites}.
// Kept apart so the integrator can adjust parameter names and answer shapes in one place.
import { getJson, wsPath } from '../api.js';

/** Hours counted as evening and night when "night only" is ticked (local time, wraps midnight). */
export const NIGHT_HOURS = '18-06';

/** Query parameters shared by the hotspot endpoints, from the map state. */
export function analysisParams(state, layer = 'incidents') {
  return {
    layer,
    bandwidth: state.bandwidthMeters,
    from: state.from,
    to: state.to,
    categories: state.categories,
    hours: state.night ? NIGHT_HOURS : '',
  };
}

export const densityPath = (ws) => `${wsPath(ws)}/hotspots/density`;
export const gistarPath = (ws) => `${wsPath(ws)}/hotspots/gistar`;
export const sitesPath = (ws) => `${wsPath(ws)}/hotspots/sites`;

const first = (...vs) => vs.find((v) => v !== undefined && v !== null);

/**
 * The density answer (format=json) as the page's Grid (see grid-image.js). Accepts an origin as
 * {x, y}, [x, y], minX/minY or originX/originY (the south-west corner unless `rowOrder: "north-up"`
 * or an `origin` text naming the north-west corner, as the hotspot service writes, says row 0 is
 * the north), a cell size as cellSize, cellSizeMeters or cell,
 * and values flat (row-major) or as rows.
 */
export function normalizeGrid(answer) {
  const json = answer.grid ?? answer;
  const o = json.origin;
  const xMin = Number(first(json.xMin, json.minX, json.originX, Array.isArray(o) ? o[0] : o?.x));
  const yOrigin = Number(first(json.yMin, json.minY, json.originY, Array.isArray(o) ? o[1] : o?.y));
  const cellSizeMeters = Number(first(json.cellSizeMeters, json.cellSize, json.cell));
  const nx = Number(first(json.nx, json.columns, json.width));
  const ny = Number(first(json.ny, json.rows, json.height));
  const flat = Array.isArray(json.values?.[0]) ? json.values.flat() : json.values;
  const northUp = json.rowOrder === 'north-up' || json.originCorner === 'upper-left'
    || (typeof o === 'string' && /north/i.test(o));
  let values = Float64Array.from(flat ?? [], Number);
  let yMin = yOrigin;
  if (northUp) {
    yMin = yOrigin - ny * cellSizeMeters;
    const flipped = new Float64Array(values.length);
    for (let j = 0; j < ny; j++) flipped.set(values.subarray((ny - 1 - j) * nx, (ny - j) * nx), j * nx);
    values = flipped;
  }
  return { crs: json.crs ?? answer.crs ?? 'EPSG:3006', xMin, yMin, cellSizeMeters, nx, ny, values };
}

export async function densityGrid(ws, state) {
  return normalizeGrid(await getJson(densityPath(ws), { ...analysisParams(state), format: 'json' }));
}

export function contours(ws, state) {
  return getJson(densityPath(ws), { ...analysisParams(state), format: 'contours' });
}

export function giStar(ws, state) {
  return getJson(gistarPath(ws), analysisParams(state));
}

/** Patrol sites, best first (by `rank`, else by `score` descending). */
export async function sites(ws, state, n = 10) {
  const fc = await getJson(sitesPath(ws), { ...analysisParams(state), n });
  const rank = (f) => Number(f.properties?.rank ?? Infinity);
  const score = (f) => Number(f.properties?.score ?? 0);
  fc.features.sort((a, b) => rank(a) - rank(b) || score(b) - score(a));
  return fc;
}
