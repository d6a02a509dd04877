// The heatmap as a Leaflet grid layer of the service's seamless density tiles
// (/api/workspaces/{ws}/tiles/density/{z}/{x}/{y}.png). Each tile is fetched rather than loaded by
// an <img src>, so the request can carry the API key (members) and the same query parameters as
// every other analysis (the release for the public). 204 means an empty tile: it stays blank.
import { authHeaders, withQuery, wsPath } from './api.js';

export const densityTilePath = (ws, z, x, y) => `${wsPath(ws)}/tiles/density/${z}/${x}/${y}.png`;
export const densityLegendPath = (ws) => `${wsPath(ws)}/tiles/density/legend`;

/**
 * @param L Leaflet
 * @param ws the workspace id
 * @param params the analysis query parameters (empty ones are left out)
 * @param options Leaflet GridLayer options (pane, opacity, ...)
 */
export function densityTileLayer(L, ws, params, options = {}) {
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const img = document.createElement('img');
      img.className = 'density-tile';
      img.alt = '';
      img.setAttribute('role', 'presentation');
      const url = withQuery(densityTilePath(ws, coords.z, coords.x, coords.y), params);
      fetch(url, { headers: authHeaders({ Accept: 'image/png' }) })
        .then(async (r) => {
          if (r.status === 204) {
            img.dataset.empty = 'true';
            img.style.visibility = 'hidden';
            done(null, img);
            return;
          }
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const blobUrl = URL.createObjectURL(await r.blob());
          img.onload = () => { URL.revokeObjectURL(blobUrl); done(null, img); };
          img.onerror = () => { URL.revokeObjectURL(blobUrl); done(new Error('tile image'), img); };
          img.src = blobUrl;
        })
        .catch((e) => done(e, img));
      return img;
    },
  });
  return new Layer({ tileSize: 256, maxNativeZoom: 18, maxZoom: 19, className: 'density-tiles', ...options });
}
