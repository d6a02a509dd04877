// Raw layer records: GET /api/workspaces/{ws}/layers/{layer} (READ: workspace members only).
import { getJson, wsPath } from '../api.js';

const PAGE = 10000;
const MAX_PAGES = 5;

/** All records of a layer matching the filters, as one FeatureCollection (at most 50 000). */
export async function fetchLayer(ws, layer, { from, to, categories } = {}) {
  const features = [];
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const fc = await getJson(`${wsPath(ws)}/layers/${layer}`, {
      from, to, categories, limit: PAGE, offset,
    });
    features.push(...fc.features);
    if (!fc.links?.some((l) => l.rel === 'next')) break;
    offset += PAGE;
  }
  return { type: 'FeatureCollection', features };
}
