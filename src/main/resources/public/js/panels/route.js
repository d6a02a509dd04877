// The safe-route panel: two clicks pick A and B (each the nearest street point, named by its
// street); the safe route is drawn with the shortest for comparison.
import { $ } from '../dom.js';
import { distance, percent } from '../format.js';
import * as routes from '../clients/routes.js';

export function createRoutePanel(app) {
  const { L, tools } = app;
  let names = [];

  function showPoints() {
    if (!tools.routeA) return;
    const points = [tools.routeA, tools.routeB].filter(Boolean);
    const text = points.map((p, k) => `${'AB'[k]}: ${names[k] || app.tr('point.unnamed')}`).join(' → ');
    const line = $('route-points');
    line.textContent = text;
    line.dataset.points = points.map((p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`).join(';');
  }

  /** @param point {lonLat, name} the chosen street point */
  function pick(point) {
    if (!tools.routeA || tools.routeB) {
      tools.routeA = point.lonLat;
      tools.routeB = null;
      names = [point.name];
      tools.graphics.clearLayers();
      $('route-summary').textContent = '';
    } else {
      tools.routeB = point.lonLat;
      names.push(point.name);
    }
    L.marker([point.lonLat[1], point.lonLat[0]], { title: tools.routeB ? 'B' : 'A' }).addTo(tools.graphics);
    showPoints();
    $('route-find').disabled = !tools.routeB;
  }

  async function find() {
    app.say(app.tr('loading'));
    try {
      const r = await routes.safeRoute(app.workspace.id, tools.routeA, tools.routeB);
      tools.graphics.getLayers().filter((l) => l instanceof L.GeoJSON).forEach((l) => tools.graphics.removeLayer(l));
      if (r.shortest.geometry) L.geoJSON(r.shortest.geometry, { style: { color: '#6b6b6b', weight: 4, dashArray: '6 6' } }).addTo(tools.graphics);
      L.geoJSON(r.safe.geometry, { style: { color: '#1a7f37', weight: 6 } }).addTo(tools.graphics);
      const { lang } = app.state;
      $('route-summary').textContent = app.tr('route.summary', {
        length: distance(lang, r.safe.lengthM), lit: percent(lang, r.safe.litShare),
        shortLength: distance(lang, r.shortest.lengthM), shortLit: percent(lang, r.shortest.litShare),
      });
      app.say('');
    } catch (e) {
      app.failed(app.tr('panel.route'), e);
    }
  }

  $('route-find').addEventListener('click', find);
  return { pick, refresh: showPoints };
}
