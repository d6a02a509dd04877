// Safe route A→B (issue 6): GET /api/workspaces/{ws}/routes/safe?from=lon,lat&to=lon,lat.
import { getJson, wsPath } from '../api.js';

const lineOf = (r) => (r?.type === 'Feature' ? r.geometry : r?.geometry ?? r?.route ?? r);

/** {safe: {geometry, lengthM, litShare}, shortest: {...}}; litShare in 0..1. */
export function normalizeRoute(json) {
  if (json.type === 'FeatureCollection') {
    const find = (role) => json.features.find((f) => f.properties?.role === role);
    const safe = find('safe');
    const shortest = find('shortest');
    return {
      safe: { geometry: safe?.geometry, lengthM: Number(json.lengthM ?? safe?.properties.lengthM), litShare: Number(json.litShare ?? safe?.properties.litShare) },
      shortest: { geometry: shortest?.geometry, lengthM: Number(json.shortestLengthM ?? shortest?.properties.lengthM), litShare: Number(json.shortestLitShare ?? shortest?.properties.litShare) },
    };
  }
  const part = (r) => ({
    geometry: lineOf(r),
    lengthM: Number(r?.lengthM ?? r?.properties?.lengthM ?? 0),
    litShare: Number(r?.litShare ?? r?.properties?.litShare ?? 0),
  });
  return { safe: part(json.safe ?? json.route ?? json), shortest: part(json.shortest ?? {}) };
}

export async function safeRoute(ws, a, b) {
  return normalizeRoute(await getJson(`${wsPath(ws)}/routes/safe`, { from: `${a[0]},${a[1]}`, to: `${b[0]},${b[1]}` }));
}
