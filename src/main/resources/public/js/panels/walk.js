// The safety-walk panel: a click on the map picks the start (the nearest street point); the
// planned loop, its stops by name, the printable protocol and the GPX file.
import { $, el } from '../dom.js';
import { distance, number } from '../format.js';
import * as walks from '../clients/walks.js';
import { zoomTo } from './sites.js';

export function createWalkPanel(app, downloads, context) {
  const { L, tools } = app;

  function length() {
    const v = Number($('walk-length').value);
    return Number.isFinite(v) && v > 0 ? v : 3000;
  }

  /** @param point {lonLat, name} the chosen street point */
  function pick(point) {
    tools.walkStart = point.lonLat;
    tools.graphics.clearLayers();
    L.circleMarker([point.lonLat[1], point.lonLat[0]], { radius: 8, color: '#005f99', weight: 3, fillOpacity: 0.6 }).addTo(tools.graphics);
    const start = $('walk-start');
    start.textContent = app.tr('walk.start', { place: point.name || app.tr('point.unnamed') });
    start.dataset.lon = point.lonLat[0].toFixed(6);
    start.dataset.lat = point.lonLat[1].toFixed(6);
    $('walk-plan').disabled = false;
  }

  /** A stop as a person reads it: its name, else the nearest street, else "Stopp 3". */
  function stopName(s) {
    return s.name || context.nameNear(s.lonLat) || app.tr('walk.stop', { n: s.order });
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
        const name = stopName(s);
        L.marker([s.lonLat[1], s.lonLat[0]], {
          icon: L.divIcon({ className: 'site-label stop-label', html: String(s.order), iconSize: [26, 26] }),
          title: name, keyboard: true,
        }).addTo(tools.graphics);
        list.append(el('li', { text: [name, s.reason].filter(Boolean).join(': ') }));
      });
      $('walk-summary').textContent = app.tr('walk.summary', {
        length: distance(app.state.lang, w.lengthM), minutes: number(app.state.lang, Math.round(w.minutes)), stops: w.stops.length,
      });
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
