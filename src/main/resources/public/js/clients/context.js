// The map context (streets with names, named places): GET /api/workspaces/{ws}/context, open to
// the public of a public workspace. Never raw records.
import { getJson, wsPath } from '../api.js';

export const contextPath = (ws) => `${wsPath(ws)}/context`;

/** The view [[south, west], [north, east]] grown by share of its size on every side, as a bbox. */
export function paddedBbox([[south, west], [north, east]], share = 0.5) {
  const dx = (east - west) * share;
  const dy = (north - south) * share;
  const r = (v) => Math.round(v * 1e5) / 1e5;
  return [r(west - dx), r(south - dy), r(east + dx), r(north + dy)];
}

/** Whether bbox [w, s, e, n] covers the view [[south, west], [north, east]]. */
export function covers(bbox, [[south, west], [north, east]]) {
  return bbox[0] <= west && bbox[1] <= south && bbox[2] >= east && bbox[3] >= north;
}

/** {streets, places}: two FeatureCollections, and whether the service cut the answer short. */
export async function fetchContext(ws, bbox, zoom) {
  const fc = await getJson(contextPath(ws), { bbox: bbox.join(','), zoom });
  const of = (layer) => ({ type: 'FeatureCollection', features: fc.features.filter((f) => f.properties?.layer === layer) });
  return { streets: of('streets'), places: of('places'), truncated: Boolean(fc.truncated) };
}
