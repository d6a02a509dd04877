// Commitments (issue 8): /api/workspaces/{ws}/commitments and their progress.
import { getJson, wsPath } from '../api.js';

export const commitmentsPath = (ws) => `${wsPath(ws)}/commitments`;
export const reportPath = (ws) => `${commitmentsPath(ws)}/report`;

/** The workspace's commitments, each with its progress answer (null when that failed). */
export async function commitmentsWithProgress(ws) {
  const json = await getJson(commitmentsPath(ws));
  const list = Array.isArray(json) ? json : json.commitments ?? json.items ?? [];
  return Promise.all(list.map(async (c) => {
    try {
      return { commitment: c, progress: await getJson(`${commitmentsPath(ws)}/${encodeURIComponent(c.id)}/progress`) };
    } catch (e) {
      return { commitment: c, progress: null };
    }
  }));
}

/** The places of commitments as one FeatureCollection (GeoJSON geometries, with title). */
export function commitmentPlaces(items) {
  const features = [];
  for (const { commitment } of items) {
    for (const p of commitment.places ?? []) {
      if (p.geometry) {
        features.push({ type: 'Feature', geometry: p.geometry, properties: { name: p.name ?? '', title: commitment.title ?? '' } });
      }
    }
  }
  return { type: 'FeatureCollection', features };
}
