// The patrol-site panel: the ranked sites of the current filters as "Hotspot 1" with the rank the
// service gives (the same in the walk protocol and the API), the nearest street and the events
// covered; a click zooms to one. Members also see each site's profile: a 7 × 12 heat table of its
// events by weekday and two-hour block (local time), its categories and the previous period.
import { $, el } from '../dom.js';
import { number } from '../format.js';
import { css, rampColour } from '../ramp.js';
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

  /** The site's weekday × two-hour table, each cell shaded by its share of the busiest cell. */
  function hourTable(rows) {
    const max = Math.max(1, ...rows.flat());
    const head = el('tr', {}, el('th', { scope: 'col', text: '' }),
      ...Array.from({ length: 12 }, (_, b) => el('th', { scope: 'col', text: b % 3 === 0 ? String(2 * b).padStart(2, '0') : '' })));
    const body = rows.map((row, d) => el('tr', {}, el('th', { scope: 'row', text: app.tr(`weekday.${d + 1}`) }),
      ...row.map((count, b) => {
        const cell = el('td', { title: `${app.tr(`weekday.${d + 1}`)} ${String(2 * b).padStart(2, '0')}–${String(2 * b + 2).padStart(2, '0')}: ${count}` });
        cell.style.background = count > 0 ? css(rampColour(count / max)) : 'transparent';
        return cell;
      })));
    return el('table', { class: 'hour-table', 'aria-label': app.tr('sites.hours', { zone: app.workspace?.timeZone ?? '' }) },
      el('thead', {}, head), el('tbody', {}, ...body));
  }

  /** Hours, categories, the previous period and (when known) the space-time class of one site. */
  function profileOf(profile) {
    const { lang } = app.state;
    const parts = [el('div', { class: 'muted', text: app.tr('sites.hours', { zone: app.workspace?.timeZone ?? '' }) }),
      hourTable(profile.hourOfWeek)];
    const cats = Object.entries(profile.categories ?? {})
      .map(([code, count]) => `${app.categoryName(code)} ${number(lang, count)}`).join(' · ');
    if (cats) parts.push(el('div', { text: `${app.tr('sites.categories')}: ${cats}` }));
    const prev = profile.previous ?? {};
    if (prev.covered && profile.change !== null && profile.change !== undefined) {
      const sign = profile.change > 0 ? '+' : profile.change < 0 ? '−' : '±';
      parts.push(el('div', { text: app.tr('sites.previous', { count: number(lang, prev.events), change: `${sign}${number(lang, Math.abs(profile.change))}` }) }));
    } else {
      parts.push(el('div', { class: 'muted', text: app.tr('sites.previousUncovered') }));
    }
    if (profile.spaceTimeClass) parts.push(el('div', { class: 'site-class', text: app.tr('sites.spaceTimeClass', { class: spaceTimeClassName(app, profile.spaceTimeClass) }) }));
    return el('div', { class: 'site-profile' }, ...parts);
  }

  /** 'persistent-hotspot' as the reader's words: 'ihållande hotspot' / 'persistent hotspot'. */
  function spaceTimeClassName(app, slug) {
    if (slug === 'no-pattern') return app.tr('emerging.no-pattern');
    const [kind, spot] = slug.split('-');
    return `${app.tr(`emerging.${kind}`)} ${app.tr(`emerging.${spot}`)}`;
  }

  let last = null;

  function render(fc) {
    last = fc;
    const list = $('site-list');
    list.replaceChildren();
    if (!fc.features.length) list.append(el('li', { text: app.tr('sites.none') }));
    fc.features.forEach((f) => {
      const profile = f.properties?.profile;
      list.append(el('li', { 'data-rank': String(f.properties?.rank ?? '') },
        el('button', { type: 'button', text: label(f), on: { click: () => zoomTo(app, f.geometry) } }),
        profile ? profileOf(profile) : []));
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
