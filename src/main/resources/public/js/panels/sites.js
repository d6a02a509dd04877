// The patrol-site panel: the ranked sites of the current filters as "Hotspot 1" with the rank the
// service gives (the same in the walk protocol and the API), the nearest street and the events
// covered; a click zooms to one.
import { $, el } from '../dom.js';
import { number } from '../format.js';
import * as hotspots from '../clients/hotspots.js';

export function zoomTo(app, geometry) {
  if (!geometry) return;
  app.map.fitBounds(app.L.geoJSON(geometry).getBounds(), { maxZoom: 17 });
}

/** The [lon, lat] a site stands at: its point, or the middle of its patrol circle. */
function centreOf(app, f) {
  if (f.geometry?.type === 'Point') return f.geometry.coordinates;
  const c = app.L.geoJSON(f.geometry).getBounds().getCenter();
  return [c.lng, c.lat];
}

export function createSitesPanel(app, context) {
  /** "Hotspot 3 · Storgatan – 41 händelser" */
  function label(f) {
    const p = f.properties ?? {};
    const parts = [app.tr('sites.name', { rank: p.rank })];
    const street = p.address ?? p.street ?? context.nameNear(centreOf(app, f));
    if (street) parts.push(street);
    const count = p.eventsCovered ?? p.count;
    const head = parts.join(' · ');
    return count !== undefined ? `${head} – ${app.tr('sites.item', { count: number(app.state.lang, Number(count)) })}` : head;
  }

  let last = null;

  function render(fc) {
    last = fc;
    const list = $('site-list');
    list.replaceChildren();
    if (!fc.features.length) list.append(el('li', { text: app.tr('sites.none') }));
    fc.features.forEach((f) => {
      list.append(el('li', { 'data-rank': String(f.properties?.rank ?? '') },
        el('button', { type: 'button', text: label(f), on: { click: () => zoomTo(app, f.geometry) } })));
    });
  }

  async function open() {
    if (app.drawn.has('sites')) return;
    try {
      render(await hotspots.sites(app.workspace.id, app.analysisParams()));
    } catch (e) {
      app.failed(app.tr('panel.sites'), e);
    }
  }

  const refresh = () => { if (last) render(last); };
  context.onChange(refresh);
  return { render, open, refresh };
}
