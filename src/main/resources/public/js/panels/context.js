// The map's sense of place: streets and named places from the workspace's own layers, drawn under
// every analysis layer, with their names written on the map where they hide no patrol-site marker.
// Fetched for the view (grown by half on each side) and again when the view leaves it or the zoom
// changes; the service's ETag makes a repeat cheap.
import { chains, chooseLabels, clipToBox, streetAnchors } from '../labels.js';
import { nearestStreetName, nearestStreetPoint } from '../snap.js';
import { covers, fetchContext, paddedBbox } from '../clients/context.js';
import { popupOf } from '../dom.js';

const MAIN = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary'];
const STREET_LABEL_MIN_ZOOM = 14;
const PLACE_LABEL_MIN_ZOOM = 13;

const streetStyle = (f) => {
  const p = f.properties ?? {};
  const main = MAIN.includes(String(p.highway).replace('_link', ''));
  const path = ['footway', 'path', 'cycleway', 'steps', 'pedestrian', 'track'].includes(p.highway);
  return {
    color: p.lit === 'yes' ? '#b8962e' : p.lit === 'no' ? '#4a4a4a' : '#7d7d7d',
    weight: main ? 5 : path ? 1.5 : 3,
    opacity: 0.75,
    dashArray: path ? '4 3' : null,
  };
};

const placeStyle = (f) => {
  const kind = f.properties?.kind ?? '';
  const water = /water|lake|river|pond|sjö|vatten/i.test(kind);
  const green = /park|garden|grass|forest|wood|meadow|playground|recreation/i.test(kind);
  return {
    color: water ? '#3b7cb3' : green ? '#2e7d32' : '#6d5a2c',
    weight: 1.5,
    fillColor: water ? '#9cc3e4' : green ? '#a5d6a7' : '#e6d9b8',
    fillOpacity: 0.45,
  };
};

export function createContext(app) {
  const { L, map } = app;
  map.createPane('context').style.zIndex = 350;
  map.createPane('labels').style.zIndex = 560;
  map.getPane('labels').style.pointerEvents = 'none';
  const renderer = L.canvas({ pane: 'context' });
  const popup = (e, keys) => {
    if (app.tools.mode) return;
    const p = e.layer?.feature?.properties ?? {};
    L.popup().setLatLng(e.latlng).setContent(popupOf(keys.map((k) => [app.tr(`field.${k}`), p[k]]))).openOn(map);
  };
  const streets = L.geoJSON(null, { style: streetStyle, renderer, pane: 'context' }).on('click', (e) => popup(e, ['name', 'highway']));
  const places = L.geoJSON(null, {
    style: placeStyle, renderer, pane: 'context',
    pointToLayer: (f, ll) => L.circleMarker(ll, { ...placeStyle(f), radius: 6, renderer, pane: 'context' }),
  }).on('click', (e) => popup(e, ['name', 'kind']));
  const labels = L.layerGroup([], { pane: 'labels' }).addTo(map);
  let fetched = null; // {ws, bbox, zoom, data}
  let pending = null;
  const listeners = [];

  const shown = (layer) => map.hasLayer(layer === 'streets' ? streets : places);

  /** Loads the context of the current view unless what is loaded already covers it. */
  async function ensure() {
    const ws = app.workspace.id;
    const b = map.getBounds();
    const view = [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]];
    const zoom = map.getZoom();
    if (fetched && fetched.ws === ws && fetched.zoom === zoom && covers(fetched.bbox, view)) return fetched.data;
    const bbox = paddedBbox(view);
    const request = fetchContext(ws, bbox, zoom);
    pending = request;
    const data = await request;
    if (pending !== request) return fetched?.data ?? data;
    fetched = { ws, bbox, zoom, data };
    streets.clearLayers().addData(data.streets);
    places.clearLayers().addData(data.places);
    listeners.forEach((fn) => fn());
    relabel();
    return data;
  }

  function boxOf(element) {
    const m = map.getContainer().getBoundingClientRect();
    const r = element.getBoundingClientRect();
    return { left: r.left - m.left, top: r.top - m.top, right: r.right - m.left, bottom: r.bottom - m.top };
  }

  function labelElement(text, kind) {
    const span = document.createElement('span');
    span.className = `map-label ${kind}-label`;
    span.textContent = text;
    return span;
  }

  /** Puts a label's middle at layer point (x, y), turned by angleDeg. */
  function moveLabel(element, [x, y], angleDeg = 0) {
    element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -50%) rotate(${angleDeg.toFixed(1)}deg)`;
  }

  /**
   * Writes the names: place names first, then street names (main roads and longer stretches
   * first), each kept only where it touches no patrol-site or walk-stop marker and no earlier name.
   */
  function relabel() {
    const pane = map.getPane('labels');
    pane.replaceChildren();
    const zoom = map.getZoom();
    const size = map.getSize();
    const candidates = [];
    const toPixel = (lon, lat) => {
      const p = map.latLngToLayerPoint([lat, lon]);
      return [p.x, p.y];
    };
    if (shown('places') && zoom >= PLACE_LABEL_MIN_ZOOM) {
      places.eachLayer((l) => {
        const name = l.feature?.properties?.name;
        if (!name) return;
        // the middle of the place, else just above or below its outline, else beside it
        const b = l.getBounds ? l.getBounds() : L.latLngBounds([l.getLatLng(), l.getLatLng()]);
        const c = b.getCenter();
        const [x, y] = toPixel(c.lng, c.lat);
        const [, top] = toPixel(c.lng, b.getNorth());
        const [, bottom] = toPixel(c.lng, b.getSouth());
        const [left] = toPixel(b.getWest(), c.lat);
        const [right] = toPixel(b.getEast(), c.lat);
        const positions = [[x, y], [x, top - 10], [x, bottom + 10], [x, y - 22], [x, y + 22], [right, y], [left, y]];
        candidates.push({ kind: 'place', text: name, positions, angleDeg: 0, priority: 1e9 });
      });
    }
    if (shown('streets') && zoom >= STREET_LABEL_MIN_ZOOM) {
      const byName = new Map();
      streets.eachLayer((l) => {
        const p = l.feature?.properties ?? {};
        if (!p.name) return;
        const entry = byName.get(p.name) ?? { name: p.name, lines: [], main: false };
        const g = l.feature.geometry;
        const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
        lines.forEach((line) => entry.lines.push(line.map(([lon, lat]) => toPixel(lon, lat))));
        entry.main = entry.main || MAIN.includes(String(p.highway).replace('_link', ''));
        byName.set(p.name, entry);
      });
      const main = new Set([...byName.values()].filter((s) => s.main).map((s) => s.name));
      // only what is on screen counts: join the pieces, then cut them at the view's edges
      const o = map.containerPointToLayerPoint([0, 0]);
      const view = { left: o.x + 4, top: o.y + 4, right: o.x + size.x - 4, bottom: o.y + size.y - 4 };
      const visible = [...byName.values()].map((s) => ({ name: s.name, lines: chains(s.lines).flatMap((l) => clipToBox(l, view)) }));
      for (const a of streetAnchors(visible)) {
        candidates.push({ kind: 'street', text: a.name, positions: [[a.x, a.y]], angleDeg: a.angleDeg, lengthPx: a.lengthPx,
          priority: (main.has(a.name) ? 1e6 : 0) + a.lengthPx });
      }
    }
    // measure every candidate at each of its positions, then keep those that touch nothing
    const origin = map.containerPointToLayerPoint([0, 0]);
    const inView = ([x, y]) => x - origin.x >= 0 && y - origin.y >= 0 && x - origin.x <= size.x && y - origin.y <= size.y;
    const placed = [];
    for (const c of candidates) {
      const positions = c.positions.filter(inView);
      if (!positions.length) continue;
      const element = labelElement(c.text, c.kind);
      pane.append(element);
      const boxes = positions.map((p) => { moveLabel(element, p, c.angleDeg); return boxOf(element); });
      const width = element.offsetWidth;
      if (c.kind === 'street' && width > c.lengthPx * 0.9) {
        element.remove();
        continue;
      }
      placed.push({ ...c, positions, element, boxes });
    }
    const obstacles = [...map.getContainer().querySelectorAll('.leaflet-marker-pane .site-label')].map(boxOf);
    const kept = new Map(chooseLabels(placed, obstacles, 3).map(({ candidate, position }) => [candidate, position]));
    placed.forEach((c) => {
      if (kept.has(c)) moveLabel(c.element, c.positions[kept.get(c)], c.angleDeg);
      else c.element.remove();
    });
  }

  map.on('moveend', () => {
    if (!app.workspace || (!shown('streets') && !shown('places'))) return;
    ensure().then(relabel).catch((e) => app.failed(app.tr('layer.streets'), e));
  });
  map.on('zoomstart', () => map.getPane('labels').replaceChildren());

  return {
    streets,
    places,
    ensure,
    relabel,
    reset() { fetched = null; streets.clearLayers(); places.clearLayers(); map.getPane('labels').replaceChildren(); },
    /** Calls fn whenever the context is refetched (to update the layer counts). */
    onChange(fn) { listeners.push(fn); },
    /** The nearest point on a drawn street within maxMeters of the click ({lonLat, name}), or null. */
    snap(lonLat, maxMeters) {
      return nearestStreetPoint(lonLat, fetched?.data.streets.features ?? [], maxMeters);
    },
    /** The name of the nearest named street, or ''. */
    nameNear(lonLat) {
      return nearestStreetName(lonLat, fetched?.data.streets.features ?? []);
    },
  };
}
