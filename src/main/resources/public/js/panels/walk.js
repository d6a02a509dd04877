// The safety-walk panel: a click on the map picks the start; the planned loop, its stops, the
// printable protocol and the GPX file.
import { $, el } from '../dom.js';
import * as walks from '../clients/walks.js';
import { zoomTo } from './sites.js';

export function createWalkPanel(app, downloads) {
  const { L, tools } = app;

  function length() {
    const v = Number($('walk-length').value);
    return Number.isFinite(v) && v > 0 ? v : 3000;
  }

  function pick(latlng) {
    const fmt = (v) => v.toFixed(5);
    tools.walkStart = [latlng.lng, latlng.lat];
    tools.graphics.clearLayers();
    L.circleMarker(latlng, { radius: 8, color: '#005f99', weight: 3, fillOpacity: 0.6 }).addTo(tools.graphics);
    $('walk-start').textContent = app.tr('walk.start', { lat: fmt(latlng.lat), lon: fmt(latlng.lng) });
    $('walk-plan').disabled = false;
  }

  async function plan() {
    app.say(app.tr('loading'));
    try {
      const w = await walks.planWalk(app.workspace.id, tools.walkStart, length());
      tools.graphics.clearLayers();
      L.geoJSON(w.route, { style: { color: '#005f99', weight: 5, opacity: 0.85 } }).addTo(tools.graphics);
      const list = $('walk-stops');
      list.replaceChildren();
      w.stops.forEach((s) => {
        L.marker([s.lonLat[1], s.lonLat[0]], {
          icon: L.divIcon({ className: 'site-label stop-label', html: String(s.order), iconSize: [26, 26] }),
          title: s.name, keyboard: true,
        }).addTo(tools.graphics);
        list.append(el('li', { text: [s.name, s.reason].filter(Boolean).join(': ') }));
      });
      $('walk-summary').textContent = app.tr('walk.summary', { length: Math.round(w.lengthM), minutes: Math.round(w.minutes), stops: w.stops.length });
      $('walk-print').hidden = false;
      $('walk-gpx').hidden = false;
      zoomTo(app, w.route);
      app.say('');
    } catch (e) {
      app.failed(app.tr('panel.walk'), e);
    }
  }

  async function printProtocol() {
    try {
      const blob = await walks.protocolBlob(app.workspace.id, tools.walkStart, length());
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (e) {
      app.failed(app.tr('walk.print'), e);
    }
  }

  $('walk-plan').addEventListener('click', plan);
  $('walk-print').addEventListener('click', printProtocol);
  $('walk-gpx').addEventListener('click', () => downloads.download(`${app.workspace.id}-vandring.gpx`,
    walks.planPath(app.workspace.id), { format: 'gpx' }, walks.planBody(tools.walkStart, length())));

  return { pick };
}
