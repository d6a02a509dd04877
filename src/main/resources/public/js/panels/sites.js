// The patrol-site panel: the ranked sites of the current filters; a click zooms to one.
import { $, el } from '../dom.js';
import * as hotspots from '../clients/hotspots.js';

export function zoomTo(app, geometry) {
  if (!geometry) return;
  app.map.fitBounds(app.L.geoJSON(geometry).getBounds(), { maxZoom: 17 });
}

export function createSitesPanel(app) {
  function render(fc) {
    const list = $('site-list');
    list.replaceChildren();
    if (!fc.features.length) list.append(el('li', { text: app.tr('sites.none') }));
    fc.features.forEach((f) => {
      const p = f.properties ?? {};
      const count = p.eventsCovered ?? p.count;
      const label = `${p.name ?? p.id ?? ''} ${count !== undefined ? app.tr('sites.item', { count }) : ''}`.trim();
      list.append(el('li', {}, el('button', { type: 'button', text: label || `#${p.rank}`, on: { click: () => zoomTo(app, f.geometry) } })));
    });
  }

  async function open() {
    if (app.drawn.has('sites')) return;
    try {
      render(await hotspots.sites(app.workspace.id, app.state));
    } catch (e) {
      app.failed(app.tr('panel.sites'), e);
    }
  }

  return { render, open };
}
