// The download buttons: each file the role may fetch, with the current filters.
import { getBlob, withQuery, wsPath } from '../api.js';
import { mayDraw } from '../access.js';
import { $, el } from '../dom.js';
import * as hotspots from '../clients/hotspots.js';
import * as lighting from '../clients/lighting.js';
import * as commitments from '../clients/commitments.js';

export function createDownloads(app) {
  async function download(name, path, params, body) {
    try {
      const blob = await getBlob(path, params, body);
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      app.failed(name, e);
    }
  }

  function render() {
    const list = $('download-list');
    list.replaceChildren();
    const { workspace, state } = app;
    if (!workspace) return;
    const ws = workspace.id;
    const p = app.analysisParams();
    const items = [
      ['density-geotiff', 'density', `${ws}-density.tif`, hotspots.densityPath(ws), { ...p, format: 'geotiff' }],
      ['density-png', 'density', `${ws}-density.png`, hotspots.densityPath(ws), { ...p, format: 'png' }],
      ['contours', 'contours', `${ws}-contours.geojson`, hotspots.densityPath(ws), { ...p, format: 'contours' }],
      ['gistar', 'gistar', `${ws}-gistar.geojson`, hotspots.gistarPath(ws), p],
      ['sites', 'sites', `${ws}-sites.geojson`, hotspots.sitesPath(ws), p],
      ['report', 'commitments', `${ws}-uppfoljning.html`, commitments.reportPath(ws), { format: 'html', from: state.from, to: state.to }],
      ['incidents', 'incidents', `${ws}-incidents.geojson`, `${wsPath(ws)}/layers/incidents/export`, { format: 'geojson' }],
      ['incidents-csv', 'incidents', `${ws}-incidents.csv`, `${wsPath(ws)}/layers/incidents/export`, { format: 'csv' }],
      ['unsafe-places', 'unsafe-places', `${ws}-unsafe-places.geojson`, `${wsPath(ws)}/layers/unsafe-places/export`, { format: 'geojson' }],
      ['lamps-csv', 'lamps', `${ws}-lamps.csv`, `${wsPath(ws)}/layers/lamps/export`, { format: 'csv' }],
      ['lighting-csv', 'dark', `${ws}-lighting.csv`, lighting.prioritiesPath(ws), { n: 100, format: 'csv' }],
    ];
    for (const [key, layer, file, path, params] of items) {
      if (!mayDraw(app.role(), layer, workspace.public)) continue;
      list.append(el('li', {}, el('button', {
        type: 'button', 'data-download': key, 'data-href': withQuery(path, params), text: app.tr(`download.${key}`),
        on: { click: () => download(file, path, params) },
      })));
    }
  }

  return { render, download };
}
