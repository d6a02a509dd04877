// Safe route A→B (issue 6): GET /api/workspaces/{ws}/routes/safe?from=lon,lat&to=lon,lat.
import { getJson, wsPath } from '../api.js';

/**
 * {safe: {geometry, lengthM, litShare}, shortest: {...}}; litShare in 0..1. The service answers a
 * FeatureCollection with one feature per role (safe, shortest) and the lengths and lit shares on
 * the collection (lengthM, litShare, shortestLengthM, shortestLitShare); nothing else is read.
 */
export function normalizeRoute(json) {
  const geometryOf = (role) => {
    const f = json.features.find((g) => g.properties.role === role);
    if (!f) throw new TypeError(`the safe route answer has no ${role} route`);
    return f.geometry;
  };
  return {
    safe: { geometry: geometryOf('safe'), lengthM: json.lengthM, litShare: json.litShare },
    shortest: { geometry: geometryOf('shortest'), lengthM: json.shortestLengthM, litShare: json.shortestLitShare },
  };
}

export async function safeRoute(ws, a, b) {
  return normalizeRoute(await getJson(`${wsPath(ws)}/routes/safe`, { from: `${a[0]},${a[1]}`, to: `${b[0]},${b[1]}` }));
}
