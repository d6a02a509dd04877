// The map's view state and its URL form, so a view can be shared as a link. Pure functions.
// Unknown or invalid parameters fall back to their defaults rather than failing the page; the
// defaults are left out of the URL so links stay short.

/** Every layer the map can draw, in legend order. */
export const LAYERS = [
  'boundary', 'streets', 'places', 'density', 'contours', 'gistar', 'sites',
  'incidents', 'unsafe-places', 'lamps', 'dark', 'commitments', 'hot-streets',
];

export const DEFAULTS = Object.freeze({
  ws: '',
  from: '',
  to: '',
  categories: [],
  night: false,
  bandwidthMeters: 200,
  layers: ['boundary', 'streets', 'places', 'density', 'contours'],
  lang: 'sv',
  view: null, // [lat, lon, zoom]
  release: '', // public releases: period id ('2026-Q3'), '' = the workspace's default
  group: '',
  slice: '',
});

export const BANDWIDTH_RANGE_METERS = [25, 5000];

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY = /^[\p{L}\p{N}_ -]{1,64}$/u;
const RELEASE_ID = /^[a-z0-9][a-z0-9-]{0,40}$/;

function validDate(s) {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Parses a query string ("?ws=a&bw=150" or a URLSearchParams) into a complete, valid state. */
export function parseState(query) {
  const p = query instanceof URLSearchParams ? query : new URLSearchParams(query);
  const s = { ...DEFAULTS, categories: [], layers: [...DEFAULTS.layers] };
  const ws = p.get('ws');
  if (ws && SLUG.test(ws)) s.ws = ws;
  const from = p.get('from');
  const to = p.get('to');
  if (from && validDate(from)) s.from = from;
  if (to && validDate(to)) s.to = to;
  if (s.from && s.to && s.from > s.to) { s.from = ''; s.to = ''; }
  const cat = p.get('cat');
  if (cat) s.categories = [...new Set(cat.split(',').map((c) => c.trim()).filter((c) => CATEGORY.test(c)))];
  s.night = p.get('night') === '1';
  const bw = Number(p.get('bw'));
  if (p.has('bw') && Number.isInteger(bw) && bw >= BANDWIDTH_RANGE_METERS[0] && bw <= BANDWIDTH_RANGE_METERS[1]) {
    s.bandwidthMeters = bw;
  }
  if (p.has('layers')) {
    const wanted = p.get('layers').split(',');
    s.layers = LAYERS.filter((l) => wanted.includes(l));
  }
  if (p.get('lang') === 'en') s.lang = 'en';
  for (const [key, field] of [['rel', 'release'], ['grp', 'group'], ['slice', 'slice']]) {
    const v = p.get(key);
    if (v && RELEASE_ID.test(v)) s[field] = v;
  }
  const at = (p.get('at') ?? '').split(',').map(Number);
  if (at.length === 3 && at.every(Number.isFinite) && Math.abs(at[0]) <= 90 && Math.abs(at[1]) <= 180
      && at[2] >= 0 && at[2] <= 22) {
    s.view = [at[0], at[1], Math.round(at[2])];
  }
  return s;
}

/** The query string of a state ("" when everything is default), parameters in a fixed order. */
export function serializeState(s) {
  const p = new URLSearchParams();
  if (s.ws) p.set('ws', s.ws);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.categories.length) p.set('cat', s.categories.join(','));
  if (s.night) p.set('night', '1');
  if (s.bandwidthMeters !== DEFAULTS.bandwidthMeters) p.set('bw', String(s.bandwidthMeters));
  const layers = LAYERS.filter((l) => s.layers.includes(l));
  if (layers.join(',') !== DEFAULTS.layers.join(',')) p.set('layers', layers.join(','));
  if (s.lang !== DEFAULTS.lang) p.set('lang', s.lang);
  if (s.release) p.set('rel', s.release);
  if (s.group) p.set('grp', s.group);
  if (s.slice) p.set('slice', s.slice);
  if (s.view) p.set('at', `${s.view[0].toFixed(5)},${s.view[1].toFixed(5)},${s.view[2]}`);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** The state with one layer switched on or off. */
export function withLayer(s, layer, on) {
  const set = new Set(s.layers);
  if (on) set.add(layer); else set.delete(layer);
  return { ...s, layers: LAYERS.filter((l) => set.has(l)) };
}
