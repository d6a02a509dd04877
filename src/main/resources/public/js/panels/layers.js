// The layer list, the legend and drawing each layer the role may see. Layers come and go with their
// check boxes; a workspace change or new filters redraw them all (an older, slower answer never
// replaces a newer one).
import { mayDraw, mayOpen, mayReadComments } from '../access.js';
import { GISTAR_CLASSES, DENSITY_STOPS, contourColour, css, giStarClass, giStarColour, rampColour } from '../ramp.js';
import { LAYERS, withLayer } from '../state.js';
import { $, el, popupOf } from '../dom.js';
import { getJson } from '../api.js';
import { number, percent, dateTime } from '../format.js';
import { densityLegendPath, densityTileLayer } from '../density-tiles.js';
import { fetchLayer } from '../clients/layers.js';
import * as hotspots from '../clients/hotspots.js';
import * as lighting from '../clients/lighting.js';
import * as commitments from '../clients/commitments.js';

const STYLE = {
  boundary: { color: '#12355b', weight: 3, fill: false, dashArray: '6 4' },
  commitments: { color: '#6a1b9a', weight: 3, fillColor: '#ab47bc', fillOpacity: 0.2 },
  dark: { color: '#311b92', weight: 5, opacity: 0.85, dashArray: '2 6' },
};

/** How many features a drawn layer shows (an image overlay counts as one). */
export function featureCount(leaflet) {
  if (leaflet.featureCount !== undefined) return leaflet.featureCount;
  return typeof leaflet.getLayers === 'function' ? leaflet.getLayers().length : 1;
}

/**
 * @param app the page state (app.js)
 * @param sites the patrol-site panel, told about every site answer the map draws
 * @param context the map context (streets and places, panels/context.js)
 */
export function createLayers(app, sites, context) {
  const { L, map } = app;
  map.createPane('heat').style.zIndex = 380;
  let loadGeneration = 0;

  /** A property's value as a reader wants it: numbers and dates in the page's language. */
  function shownValue(key, v) {
    const { lang } = app.state;
    if (v === undefined || v === null || v === '') return '';
    if (key === 'category') return app.categoryName(v);
    if (key === 'occurred_at' || key === 'reported_at') return dateTime(lang, v);
    if (key === 'massFraction') return percent(lang, v);
    if (key === 'class') return app.tr(`gistar.${giStarClass({ class: v })}`);
    if (key === 'cause' || key === 'status' || key === 'highway' || key === 'source') return app.tr(`value.${v}`) === `value.${v}` ? v : app.tr(`value.${v}`);
    if (typeof v === 'number') return number(lang, v, Number.isInteger(v) ? 0 : 2);
    if (Array.isArray(v)) return v.length ? number(lang, v.length) : '';
    return String(v);
  }

  /**
   * Clicks on a drawn feature open its popup unless a click tool is active; the map's own click
   * handler serves the tools.
   */
  function clickable(layer, keys) {
    return layer.on('click', (e) => {
      if (app.tools.mode) return;
      const props = e.layer?.feature?.properties ?? {};
      const rows = keys.map((k) => [app.tr(`field.${k}`), shownValue(k, props[k])]);
      L.popup().setLatLng(e.latlng).setContent(popupOf(rows)).openOn(map);
    });
  }

  function points(fc, style, keys) {
    return clickable(L.geoJSON(fc, { pointToLayer: (f, ll) => L.circleMarker(ll, style(f)) }), keys);
  }

  const filters = () => ({ from: app.state.from, to: app.state.to, categories: app.state.categories });

  function commitmentPlaces(fc) {
    return clickable(L.geoJSON(fc, {
      style: STYLE.commitments,
      pointToLayer: (f, ll) => L.circleMarker(ll, { ...STYLE.commitments, radius: 7 }),
    }), ['title', 'name']);
  }

  const DRAW = {
    async boundary() {
      if (!app.workspace.boundary) return L.layerGroup();
      return L.geoJSON(app.workspace.boundary, { style: STYLE.boundary, interactive: false });
    },
    async streets() {
      await context.ensure();
      return context.streets;
    },
    async places() {
      await context.ensure();
      return context.places;
    },
    async incidents(ws) {
      return points(await fetchLayer(ws, 'incidents', filters()),
        () => ({ radius: 4, color: '#7f0000', weight: 1, fillColor: '#e53935', fillOpacity: 0.8 }),
        ['category', 'occurred_at']);
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
      ['status', 'power_w', 'installed_on']);
    },
    async dark(ws) {
      return clickable(L.geoJSON(await lighting.darkSegments(ws), { style: STYLE.dark }), ['name', 'cause', 'lengthMeters', 'brokenLamps']);
    },
    async density(ws) {
      // the legend answers the same parameters as the tiles: a bad filter fails here, in words
      const params = app.analysisParams();
      const legend = await getJson(densityLegendPath(ws), params);
      if (!(legend.maxPerKm2 > 0)) app.say(app.tr('density.empty'));
      const layer = densityTileLayer(L, ws, params, { pane: 'heat', opacity: 0.85 });
      layer.legend = legend; // the colour scale of the tiles, shown in the legend
      layer.on('tileerror', () => app.say(app.tr('density.tileError')));
      layer.featureCount = 1;
      return layer;
    },
    async contours(ws) {
      const fc = await hotspots.contours(ws, app.analysisParams());
      if (fc.release) app.showReleaseMeta(fc.release);
      return clickable(L.geoJSON(fc, {
        style: (f) => ({ color: contourColour(f.properties?.massFraction ?? f.properties?.level), weight: 2, fillOpacity: 0.08 }),
      }), ['massFraction', 'levelPerKm2']);
    },
    async gistar(ws) {
      return clickable(L.geoJSON(await hotspots.giStar(ws, app.analysisParams()), {
        style: (f) => ({ color: '#6b6b6b', weight: 0.5, fillColor: giStarColour(giStarClass(f.properties ?? {})), fillOpacity: 0.6 }),
      }), ['count', 'z', 'p', 'q', 'class']);
    },
    async sites(ws) {
      const fc = await hotspots.sites(ws, app.analysisParams());
      if (fc.release) app.showReleaseMeta(fc.release);
      sites.render(fc);
      // A site is a point or its patrol circle (a polygon); either way its rank sits at its centre.
      const rankMarker = (f, ll) => L.marker(ll, {
        icon: L.divIcon({ className: 'site-label', html: String(f.properties?.rank ?? ''), iconSize: [26, 26] }),
        title: app.tr('sites.name', { rank: f.properties?.rank ?? '' }), keyboard: true,
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
    async 'hot-streets'(ws) {
      // Network KDE per lixel: each street piece coloured on the density ramp by its share of the
      // densest one, thicker where it is hotter.
      const fc = await hotspots.streets(ws, app.analysisParams());
      const max = fc.max > 0 ? fc.max : 1;
      const layer = clickable(L.geoJSON(fc, {
        style: (f) => {
          const share = Math.min(1, (f.properties?.density ?? 0) / max);
          return { color: css(rampColour(share)), weight: 2 + 5 * share, opacity: 0.9, lineCap: 'butt' };
        },
      }), ['density', 'lengthMeters']);
      layer.maxPerKm = fc.max;
      return layer;
    },
    async commitments(ws) {
      return commitmentPlaces(commitments.commitmentPlaces(await commitments.commitmentsWithProgress(ws)));
    },
  };

  const layerItem = (layer) => document.querySelector(`#layer-list li[data-layer="${layer}"]`);

  function bringOrder() {
    ['gistar', 'contours', 'boundary'].forEach((l) => app.drawn.get(l)?.bringToBack?.());
  }

  function remove(layer) {
    const old = app.drawn.get(layer);
    if (old) map.removeLayer(old);
    if (old) context.relabel();
    if (old && (layer === 'density' || layer === 'hot-streets')) renderLegend();
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
      bringOrder();
      showCount(layer);
      item.dataset.status = 'loaded';
      if (layer === 'density' || layer === 'hot-streets') renderLegend();
      context.relabel();
    } catch (e) {
      if (generation === loadGeneration) {
        item.dataset.status = 'error';
        app.failed(app.tr(`layer.${layer}`), e);
      }
    } finally {
      item.removeAttribute('aria-busy');
    }
  }

  function showCount(layer) {
    const item = layerItem(layer);
    const shown = app.drawn.get(layer);
    if (!item || !shown) return;
    const count = featureCount(shown);
    item.dataset.count = String(count);
    item.querySelector('.count').textContent = ` (${number(app.state.lang, count)})`;
  }

  context.onChange(() => { showCount('streets'); showCount('places'); });

  /** Redraws every switched-on layer the role may see; the rest are removed and never requested. */
  async function redraw() {
    const generation = ++loadGeneration;
    LAYERS.forEach(remove);
    context.reset();
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
    const legend = app.drawn.get('density')?.legend;
    const high = legend && legend.maxPerKm2 > 0
      ? tr('legend.perKm2', { value: number(app.state.lang, legend.maxPerKm2, legend.maxPerKm2 < 10 ? 1 : 0) })
      : tr('legend.high');
    body.append(el('div', { text: tr('layer.density') }), rampBar,
      el('div', { class: 'legend-row legend-scale' }, el('span', { text: tr('legend.low') }), el('span', { text: '→' }), el('span', { text: high })));
    const swatch = (colour, label, round = false) => {
      const s = el('span', { class: round ? 'swatch round' : 'swatch' });
      s.style.background = colour;
      return el('div', { class: 'legend-row' }, s, el('span', { text: label }));
    };
    GISTAR_CLASSES.forEach((c) => body.append(swatch(c.colour, tr(`gistar.${c.key}`))));
    const hot = app.drawn.get('hot-streets');
    if (hot) {
      const bar = el('div', { class: 'legend-ramp legend-line', role: 'img', 'aria-label': tr('layer.hot-streets') });
      bar.style.background = ramp;
      const top = hot.maxPerKm > 0
        ? tr('legend.perKmStreet', { value: number(app.state.lang, hot.maxPerKm, hot.maxPerKm < 10 ? 1 : 0) })
        : tr('legend.high');
      body.append(el('div', { text: tr('layer.hot-streets') }), bar,
        el('div', { class: 'legend-row legend-scale' }, el('span', { text: tr('legend.low') }), el('span', { text: '→' }), el('span', { text: top })));
    }
    if (workspace && mayDraw(app.role(), 'lamps', workspace.public)) {
      body.append(swatch('#ff1744', tr('legend.broken'), true), swatch('#ffd54f', tr('legend.working'), true),
        swatch('#311b92', tr('layer.dark')), swatch('#e53935', tr('layer.incidents'), true),
        swatch('#ce93d8', tr('layer.unsafe-places'), true));
    }
    body.append(swatch('#7a1f1f', tr('layer.sites')), swatch('#a5d6a7', tr('legend.park')), swatch('#9cc3e4', tr('legend.water')),
      swatch('#b8962e', tr('legend.litStreet')), swatch('#ab47bc', tr('layer.commitments')));
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
      list.append(item);
      if (app.drawn.has(layer)) {
        item.dataset.status = 'loaded';
        showCount(layer);
      }
    }
    renderLegend();
  }

  return { redraw, renderList };
}
