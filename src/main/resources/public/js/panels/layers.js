// The layer list, the legend and drawing each layer the role may see. Layers come and go with their
// check boxes; a workspace change or new filters redraw them all (an older, slower answer never
// replaces a newer one).
import { mayDraw, mayOpen, mayReadComments } from '../access.js';
import { GISTAR_CLASSES, DENSITY_STOPS, contourColour, css, giStarClass, giStarColour } from '../ramp.js';
import { gridToImage } from '../grid-image.js';
import { LAYERS, withLayer } from '../state.js';
import { projectionOf } from '../sweref.js';
import { $, el, popupOf } from '../dom.js';
import { fetchLayer } from '../clients/layers.js';
import * as hotspots from '../clients/hotspots.js';
import * as lighting from '../clients/lighting.js';
import * as commitments from '../clients/commitments.js';

const STYLE = {
  boundary: { color: '#12355b', weight: 3, fill: false, dashArray: '6 4' },
  places: { color: '#2e7d32', weight: 2, fillColor: '#66bb6a', fillOpacity: 0.15 },
  commitments: { color: '#6a1b9a', weight: 3, fillColor: '#ab47bc', fillOpacity: 0.2 },
  dark: { color: '#311b92', weight: 5, opacity: 0.85, dashArray: '2 6' },
};

const streetStyle = (f) => ({
  color: f.properties?.lit === 'yes' ? '#c9a227' : f.properties?.lit === 'no' ? '#4a4a4a' : '#8a8a8a',
  weight: ['primary', 'secondary', 'tertiary'].includes(f.properties?.highway) ? 3 : 2,
  opacity: 0.9,
});

/** How many features a drawn layer shows (an image overlay counts as one). */
export function featureCount(leaflet) {
  if (leaflet.featureCount !== undefined) return leaflet.featureCount;
  return typeof leaflet.getLayers === 'function' ? leaflet.getLayers().length : 1;
}

/**
 * @param app the page state (app.js)
 * @param sites the patrol-site panel, told about every site answer the map draws
 */
export function createLayers(app, sites) {
  const { L, map } = app;
  let loadGeneration = 0;

  /**
   * Clicks on a drawn feature open its popup unless a click tool is active; the map's own click
   * handler serves the tools.
   */
  function clickable(layer, keys) {
    return layer.on('click', (e) => {
      if (app.tools.mode) return;
      const props = e.layer?.feature?.properties ?? {};
      L.popup().setLatLng(e.latlng).setContent(popupOf(keys.map((k) => [k, props[k]]))).openOn(map);
    });
  }

  function points(fc, style, keys) {
    return clickable(L.geoJSON(fc, { pointToLayer: (f, ll) => L.circleMarker(ll, style(f)) }), keys);
  }

  const filters = () => ({ from: app.state.from, to: app.state.to, categories: app.state.categories });

  function placesLayer(fc, style) {
    return clickable(L.geoJSON(fc, {
      style,
      pointToLayer: (f, ll) => L.circleMarker(ll, { ...style, radius: 7 }),
      onEachFeature: (f, layer) => {
        const name = f.properties?.name ?? f.properties?.title;
        if (name) layer.bindTooltip(String(name), { className: 'place-label', permanent: true, direction: 'center' });
      },
    }), ['name', 'title']);
  }

  const DRAW = {
    async boundary() {
      if (!app.workspace.boundary) return L.layerGroup();
      return L.geoJSON(app.workspace.boundary, { style: STYLE.boundary, interactive: false });
    },
    async streets(ws) {
      return clickable(L.geoJSON(await fetchLayer(ws, 'streets'), { style: streetStyle }), ['name', 'highway', 'lit']);
    },
    async places(ws) {
      return placesLayer(await fetchLayer(ws, 'places'), STYLE.places);
    },
    async incidents(ws) {
      return points(await fetchLayer(ws, 'incidents', filters()),
        () => ({ radius: 4, color: '#7f0000', weight: 1, fillColor: '#e53935', fillOpacity: 0.8 }),
        ['category', 'occurred_at', 'id']);
    },
    async 'unsafe-places'(ws) {
      const keys = ['category', 'source', 'reported_at'].concat(mayReadComments(app.role()) ? ['comment'] : []);
      return points(await fetchLayer(ws, 'unsafe-places', filters()),
        () => ({ radius: 6, color: '#4a148c', weight: 2, fillColor: '#ce93d8', fillOpacity: 0.9 }), keys);
    },
    async lamps(ws) {
      return points(await fetchLayer(ws, 'lamps'), (f) => (f.properties?.status === 'broken'
        ? { radius: 7, color: '#a30000', weight: 3, fillColor: '#ff1744', fillOpacity: 1 }
        : { radius: 3, color: '#8d6e00', weight: 1, fillColor: '#ffd54f', fillOpacity: 0.9 }),
      ['status', 'power_w', 'installed_on', 'id']);
    },
    async dark(ws) {
      return clickable(L.geoJSON(await lighting.darkSegments(ws), { style: STYLE.dark }), ['name', 'cause', 'lengthMeters', 'brokenLamps']);
    },
    async density(ws) {
      const grid = await hotspots.densityGrid(ws, app.state);
      const projection = projectionOf(grid.crs);
      if (!projection) throw new Error(`CRS ${grid.crs}`);
      const image = gridToImage(grid, projection);
      const canvas = el('canvas', { width: image.width, height: image.height });
      canvas.getContext('2d').putImageData(new ImageData(image.rgba, image.width, image.height), 0, 0);
      return L.imageOverlay(canvas.toDataURL('image/png'), image.bounds, { opacity: 1, className: 'density-overlay' });
    },
    async contours(ws) {
      return clickable(L.geoJSON(await hotspots.contours(ws, app.state), {
        style: (f) => ({ color: contourColour(f.properties?.massFraction ?? f.properties?.level), weight: 2, fillOpacity: 0.08 }),
      }), ['massFraction', 'levelPerKm2']);
    },
    async gistar(ws) {
      return clickable(L.geoJSON(await hotspots.giStar(ws, app.state), {
        style: (f) => ({ color: '#6b6b6b', weight: 0.5, fillColor: giStarColour(giStarClass(f.properties ?? {})), fillOpacity: 0.6 }),
      }), ['count', 'z', 'p', 'q', 'class']);
    },
    async sites(ws) {
      const fc = await hotspots.sites(ws, app.state);
      sites.render(fc);
      // A site is a point or its patrol circle (a polygon); either way its rank sits at its centre.
      const rankMarker = (f, ll) => L.marker(ll, {
        icon: L.divIcon({ className: 'site-label', html: String(f.properties?.rank ?? ''), iconSize: [26, 26] }),
        title: `${f.properties?.rank ?? ''}`, keyboard: true,
      });
      const group = L.layerGroup();
      L.geoJSON(fc, {
        style: { color: '#7a1f1f', weight: 2, fillColor: '#7a1f1f', fillOpacity: 0.05 },
        pointToLayer: rankMarker,
        onEachFeature: (f, layer) => {
          if (f.geometry.type !== 'Point') rankMarker(f, layer.getBounds().getCenter()).addTo(group);
        },
      }).addTo(group);
      group.featureCount = fc.features.length;
      return group;
    },
    async commitments(ws) {
      return placesLayer(commitments.commitmentPlaces(await commitments.commitmentsWithProgress(ws)), STYLE.commitments);
    },
  };

  const layerItem = (layer) => document.querySelector(`#layer-list li[data-layer="${layer}"]`);

  function bringOrder() {
    ['density', 'gistar', 'contours', 'boundary'].forEach((l) => app.drawn.get(l)?.bringToBack?.());
  }

  function remove(layer) {
    const old = app.drawn.get(layer);
    if (old) map.removeLayer(old);
    app.drawn.delete(layer);
    const item = layerItem(layer);
    if (item) {
      item.dataset.status = 'off';
      delete item.dataset.count;
      item.querySelector('.count').textContent = '';
    }
  }

  async function draw(layer, generation) {
    const item = layerItem(layer);
    item.dataset.status = 'loading';
    item.setAttribute('aria-busy', 'true');
    try {
      const leaflet = await DRAW[layer](app.workspace.id);
      if (generation !== loadGeneration || !app.state.layers.includes(layer)) return;
      remove(layer);
      app.drawn.set(layer, leaflet.addTo(map));
      if (layer === 'boundary' || layer === 'streets') bringOrder();
      const count = featureCount(leaflet);
      item.dataset.count = String(count);
      item.querySelector('.count').textContent = ` (${count})`;
      item.dataset.status = 'loaded';
    } catch (e) {
      if (generation === loadGeneration) {
        item.dataset.status = 'error';
        app.failed(app.tr(`layer.${layer}`), e);
      }
    } finally {
      item.removeAttribute('aria-busy');
    }
  }

  /** Redraws every switched-on layer the role may see; the rest are removed and never requested. */
  async function redraw() {
    const generation = ++loadGeneration;
    LAYERS.forEach(remove);
    if (!app.workspace) return;
    const { workspace } = app;
    const allowed = LAYERS.filter((l) => app.state.layers.includes(l) && mayDraw(app.role(), l, workspace.public));
    await Promise.all(allowed.map((l) => draw(l, generation)));
  }

  function renderLegend() {
    const { tr, workspace } = app;
    const body = $('legend-body');
    body.replaceChildren();
    const ramp = `linear-gradient(to right, ${DENSITY_STOPS.map((s) => css(s)).join(', ')})`;
    const rampBar = el('div', { class: 'legend-ramp', role: 'img', 'aria-label': tr('layer.density') });
    rampBar.style.background = ramp;
    body.append(el('div', { text: tr('layer.density') }), rampBar,
      el('div', { class: 'legend-row' }, el('span', { text: tr('legend.low') }), el('span', { text: '→' }), el('span', { text: tr('legend.high') })));
    const swatch = (colour, label, round = false) => {
      const s = el('span', { class: round ? 'swatch round' : 'swatch' });
      s.style.background = colour;
      return el('div', { class: 'legend-row' }, s, el('span', { text: label }));
    };
    GISTAR_CLASSES.forEach((c) => body.append(swatch(c.colour, tr(`gistar.${c.key}`))));
    if (workspace && mayDraw(app.role(), 'lamps', workspace.public)) {
      body.append(swatch('#ff1744', tr('legend.broken'), true), swatch('#ffd54f', tr('legend.working'), true),
        swatch('#311b92', tr('layer.dark')), swatch('#e53935', tr('layer.incidents'), true),
        swatch('#ce93d8', tr('layer.unsafe-places'), true));
    }
    body.append(swatch('#7a1f1f', tr('layer.sites')), swatch('#66bb6a', tr('layer.places')),
      swatch('#ab47bc', tr('layer.commitments')));
    if (workspace && mayOpen(app.role(), 'walk', workspace.public)) body.append(swatch('#005f99', tr('panel.walk'), true));
  }

  /** The check boxes of the layers the role may draw; keeps the counts of layers already drawn. */
  function renderList() {
    const list = $('layer-list');
    list.replaceChildren();
    for (const layer of LAYERS) {
      if (!app.workspace || !mayDraw(app.role(), layer, app.workspace.public)) continue;
      const box = el('input', { type: 'checkbox', id: `layer-${layer}`, name: layer });
      box.checked = app.state.layers.includes(layer);
      box.addEventListener('change', () => {
        app.setState(withLayer(app.state, layer, box.checked));
        if (box.checked) draw(layer, loadGeneration); else remove(layer);
      });
      const item = el('li', { 'data-layer': layer, 'data-status': 'off' },
        el('label', { for: `layer-${layer}` }, box, ` ${app.tr(`layer.${layer}`)}`, el('span', { class: 'count' })));
      const shown = app.drawn.get(layer);
      if (shown) {
        const count = featureCount(shown);
        item.dataset.status = 'loaded';
        item.dataset.count = String(count);
        item.querySelector('.count').textContent = ` (${count})`;
      }
      list.append(item);
    }
    renderLegend();
  }

  return { redraw, renderList };
}
