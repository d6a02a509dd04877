// Safe route A→B (issue 6): GET /api/workspaces/{ws}/routes/safe?from=lon,lat&to=lon,lat.
import { getJson, wsPath } from '../api.js';

const lineOf = (r) => (r?.type === 'Feature' ? r.geometry : r?.geometry ?? r?.route ?? r);

/** {safe: {geometry, lengthM, litShare}, shortest: {...}}; litShare in 0..1. */
export function normalizeRoute(json) {
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
