// Lighting (issue 7): priorities and dark stretches under /api/workspaces/{ws}/lighting.
import { getJson, wsPath } from '../api.js';

export const prioritiesPath = (ws) => `${wsPath(ws)}/lighting/priorities`;

/** The ranked work list: [{id, kind, score, explanation, geometry}], best first. */
export async function priorities(ws, n = 20) {
  const json = await getJson(prioritiesPath(ws), { n, format: 'geojson' });
  const items = json.features ?? json.priorities ?? json;
  return items.map((f) => ({ ...(f.properties ?? f), geometry: f.geometry ?? null }));
}

export function darkSegments(ws) {
  return getJson(`${wsPath(ws)}/lighting/dark-segments`);
}
