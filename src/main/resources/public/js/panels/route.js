// The safe-route panel: two clicks pick A and B; the safe route is drawn with the shortest for
// comparison.
import { $ } from '../dom.js';
import * as routes from '../clients/routes.js';

export function createRoutePanel(app) {
  const { L, tools } = app;

  function pick(latlng) {
    const fmt = (v) => v.toFixed(5);
    const lonLat = [latlng.lng, latlng.lat];
    if (!tools.routeA || tools.routeB) {
      tools.routeA = lonLat;
      tools.routeB = null;
      tools.graphics.clearLayers();
    } else {
      tools.routeB = lonLat;
    }
    L.marker(latlng, { title: tools.routeB ? 'B' : 'A' }).addTo(tools.graphics);
    $('route-points').textContent = [tools.routeA, tools.routeB].filter(Boolean)
      .map((p, k) => `${'AB'[k]}: ${fmt(p[1])}, ${fmt(p[0])}`).join(' → ');
    $('route-find').disabled = !tools.routeB;
  }

  async function find() {
    app.say(app.tr('loading'));
    try {
      const r = await routes.safeRoute(app.workspace.id, tools.routeA, tools.routeB);
      tools.graphics.getLayers().filter((l) => l instanceof L.GeoJSON).forEach((l) => tools.graphics.removeLayer(l));
      if (r.shortest.geometry) L.geoJSON(r.shortest.geometry, { style: { color: '#6b6b6b', weight: 4, dashArray: '6 6' } }).addTo(tools.graphics);
      L.geoJSON(r.safe.geometry, { style: { color: '#1a7f37', weight: 6 } }).addTo(tools.graphics);
      $('route-summary').textContent = app.tr('route.summary', {
        length: Math.round(r.safe.lengthM), lit: Math.round(100 * r.safe.litShare),
        shortLength: Math.round(r.shortest.lengthM), shortLit: Math.round(100 * r.shortest.litShare),
      });
      app.say('');
    } catch (e) {
      app.failed(app.tr('panel.route'), e);
    }
  }

  $('route-find').addEventListener('click', find);
  return { pick };
}
