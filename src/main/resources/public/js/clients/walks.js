// Safety-walk planner (issue 6): POST /api/workspaces/{ws}/walks/plan. The answer is turned
// into plain values here so the panel code does not depend on GeoJSON.
import { getBlob, postJson, wsPath } from '../api.js';

export const planPath = (ws) => `${wsPath(ws)}/walks/plan`;

export function planBody(startLonLat, maxLengthM) {
  return { start: { lon: startLonLat[0], lat: startLonLat[1] }, maxLengthM, loop: true };
}

/**
 * {route: GeoJSON geometry, stops: [{order, lonLat, name, reason}], lengthM, minutes}. The service
 * answers a FeatureCollection whose features carry a role (route, start, stop), each stop its
 * number, name (its address, else its position in words: never its id) and reason, with lengthM
 * and totalMinutes on the collection; nothing else is read.
 */
export function normalizeWalk(json) {
  const byRole = (role) => json.features.filter((f) => f.properties.role === role);
  const [route] = byRole('route');
  if (!route) throw new TypeError('the walk plan has no route');
  const stops = byRole('stop').map((f) => ({
    order: f.properties.number,
    lonLat: f.geometry.coordinates,
    name: f.properties.name,
    reason: f.properties.reason,
  }));
  return { route: route.geometry, stops, lengthM: json.lengthM, minutes: json.totalMinutes };
}

export async function planWalk(ws, startLonLat, maxLengthM) {
  return normalizeWalk(await postJson(planPath(ws), planBody(startLonLat, maxLengthM)));
}

/** The printable Swedish walk protocol (HTML) of the same plan. */
export function protocolBlob(ws, startLonLat, maxLengthM) {
  return getBlob(planPath(ws), { format: 'html' }, planBody(startLonLat, maxLengthM));
}

export function gpxBlob(ws, startLonLat, maxLengthM) {
  return getBlob(planPath(ws), { format: 'gpx' }, planBody(startLonLat, maxLengthM));
}
