// Safety-walk planner (issue 6): POST /api/workspaces/{ws}/walks/plan. Answer shapes are
// normalised here so the panel code does not depend on them.
import { getBlob, postJson, wsPath } from '../api.js';

export const planPath = (ws) => `${wsPath(ws)}/walks/plan`;

export function planBody(startLonLat, maxLengthM) {
  return { start: { lon: startLonLat[0], lat: startLonLat[1] }, maxLengthM, loop: true };
}

/**
 * {route: GeoJSON geometry, stops: [{order, lonLat, name, reason}], lengthM, minutes}; a stop's name
 * is its name or address, never its id (empty when the service gives neither). The service
 * answers a FeatureCollection whose features carry a role (route, start, stop) with lengthM and
 * totalMinutes on the collection; a {route, stops} object is read too.
 */
export function normalizeWalk(json) {
  if (json.type === 'FeatureCollection' && json.features.some((f) => f.properties?.role)) {
    const byRole = (r) => json.features.filter((f) => f.properties?.role === r);
    return normalizeWalk({
      route: byRole('route')[0],
      stops: byRole('stop').map((f) => ({ ...f, properties: { ...f.properties, order: f.properties.number } })),
      lengthM: json.lengthM,
      durationMinutes: json.totalMinutes,
    });
  }
  const routeObj = json.route ?? json.geometry ?? json;
  const route = routeObj.type === 'Feature' ? routeObj.geometry
    : routeObj.type === 'FeatureCollection' ? routeObj.features[0]?.geometry : routeObj;
  const stopsIn = json.stops?.features ?? json.stops ?? [];
  const stops = stopsIn.map((s, k) => {
    const p = s.properties ?? s;
    const g = s.geometry ?? s.location ?? s.point;
    const lonLat = g?.coordinates ?? [Number(s.lon), Number(s.lat)];
    return { order: Number(p.order ?? k + 1), lonLat, name: p.name ?? p.address ?? '', reason: p.reason ?? '' };
  });
  const lengthM = Number(json.lengthM ?? json.totalLengthM ?? json.properties?.lengthM ?? 0);
  const seconds = json.durationSeconds ?? json.properties?.durationSeconds;
  const minutes = Number(json.durationMinutes ?? json.minutes ?? (seconds !== undefined ? seconds / 60 : 0));
  return { route, stops, lengthM, minutes };
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
