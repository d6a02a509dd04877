// Walk mode: follows one stored safety walk on a phone, stop by stop, and records findings that
// queue on the phone (IndexedDB) and are sent when there is a connection. The page, its scripts and
// the walk's data are cached (service worker and IndexedDB) so the whole walk works offline.
// Readiness for tests and screen readers: body[data-ready], data-pending, data-synced,
// data-conflicts.

import { storedKey, storeKey, withQuery } from '../api.js';
import { loadWalk, saveWalk, outbox, putItem } from './db.js';
import { syncItems, counts, findingBody } from './sync.js';

const CHECKLIST = {
  lighting: 'Belysning',
  vegetation: 'Vegetation och siktlinjer',
  activity: 'Människor och aktivitet',
  maintenance: 'Skötsel och nedskräpning',
  signage: 'Skyltning och orientering',
  other: 'Övrigt',
};
const STREET_MARGIN_DEG = 0.003;

const params = new URLSearchParams(location.search);
const ws = params.get('ws') ?? 'exempelby';
const walkId = params.get('walk');
const $ = (id) => document.getElementById(id);
const state = { walk: null, streets: null, stop: 0, map: null, stopLayer: null, pick: null, recordedBy: '', syncing: false };

function status(text) {
  $('status').textContent = text;
}

function authHeaders(extra = {}) {
  const h = { Accept: 'application/json', ...extra };
  const key = storedKey();
  if (key) h.Authorization = `Bearer ${key}`;
  return h;
}

async function getJson(path, query = {}) {
  const r = await fetch(withQuery(path, query), { headers: authHeaders() });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json();
}

async function answer(r) {
  let problem = null;
  if (!r.ok) {
    try { problem = await r.json(); } catch (e) { problem = null; }
  }
  return { status: r.status, problem };
}

const client = {
  async postFinding(wsId, body) {
    const r = await fetch(`/api/workspaces/${encodeURIComponent(wsId)}/findings`, {
      method: 'POST', headers: authHeaders({ 'Content-Type': 'application/json' }), body: JSON.stringify(body),
    });
    return answer(r);
  },
  async putPhoto(wsId, findingId, photoId, blob) {
    const r = await fetch(
      `/api/workspaces/${encodeURIComponent(wsId)}/findings/${encodeURIComponent(findingId)}/photos/${encodeURIComponent(photoId)}`,
      { method: 'PUT', headers: authHeaders({ 'Content-Type': blob.type || 'image/jpeg' }), body: blob });
    return answer(r);
  },
};

function showNet() {
  const online = navigator.onLine;
  $('net').textContent = online ? 'Ansluten' : 'Offline – fynd sparas i telefonen';
  $('net').classList.toggle('offline', !online);
}

async function start() {
  showNet();
  window.addEventListener('online', () => { showNet(); sync(); });
  window.addEventListener('offline', showNet);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/walk-sw.js').catch(() => status('Kunde inte spara sidan för offlinebruk.'));
  }
  if (!storedKey()) {
    $('login').hidden = false;
    $('login').addEventListener('submit', (e) => {
      e.preventDefault();
      storeKey($('api-key').value.trim());
      location.reload();
    });
    document.body.dataset.ready = 'true';
    return;
  }
  try {
    const session = await getJson('/api/session');
    state.recordedBy = session.label ?? '';
    localStorage.setItem('tryggkarta.walk.recordedBy', state.recordedBy);
  } catch (e) {
    state.recordedBy = localStorage.getItem('tryggkarta.walk.recordedBy') ?? '';
  }
  if (!walkId) {
    await listWalks();
    document.body.dataset.ready = 'true';
    return;
  }
  await openWalk();
  await renderOutbox();
  document.body.dataset.ready = 'true';
  sync();
}

async function listWalks() {
  $('walk-list').hidden = false;
  try {
    const { walks } = await getJson(`/api/workspaces/${encodeURIComponent(ws)}/walks`);
    for (const w of walks) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/walk.html?ws=${encodeURIComponent(ws)}&walk=${encodeURIComponent(w.id)}`;
      a.textContent = `${w.name}${w.heldOn ? ` (hölls ${w.heldOn})` : w.plannedFor ? ` (${w.plannedFor})` : ''}`;
      li.append(a);
      $('walks').append(li);
    }
    if (!walks.length) status('Inga sparade vandringar. Planera en på kartan först.');
  } catch (e) {
    status('Kunde inte hämta vandringarna.');
  }
}

async function openWalk() {
  let data = null;
  try {
    const walk = await getJson(`/api/workspaces/${encodeURIComponent(ws)}/walks/${encodeURIComponent(walkId)}`);
    const bbox = bounds(walk);
    const streets = await getJson(`/api/workspaces/${encodeURIComponent(ws)}/layers/streets`, {
      bbox: bbox.join(','), limit: 5000,
    }).catch(() => null);
    data = { walk, streets };
    await saveWalk(ws, walkId, data);
  } catch (e) {
    data = await loadWalk(ws, walkId);
    if (data) status('Offline: visar vandringen som den sparades i telefonen.');
  }
  if (!data) {
    status('Vandringen kunde inte hämtas och finns inte sparad i telefonen.');
    return;
  }
  state.walk = data.walk;
  state.streets = data.streets;
  $('walk').hidden = false;
  $('title').textContent = data.walk.name;
  drawMap();
  showStop(0);
  bindForm();
}

function bounds(walk) {
  const pts = [walk.start, ...walk.route, ...walk.stops.map((s) => s.location)];
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return [Math.min(...lons) - STREET_MARGIN_DEG, Math.min(...lats) - STREET_MARGIN_DEG,
    Math.max(...lons) + STREET_MARGIN_DEG, Math.max(...lats) + STREET_MARGIN_DEG];
}

function drawMap() {
  const L = window.L;
  const map = L.map('map', { zoomControl: true, attributionControl: false });
  state.map = map;
  const line = L.polyline(state.walk.route.map(([lon, lat]) => [lat, lon]), { color: '#0b4f8a', weight: 4 });
  const [w, s, e, n] = bounds(state.walk);
  map.fitBounds(line.getLatLngs().length ? line.getBounds() : [[s, w], [n, e]], { padding: [16, 16] });
  if (state.streets) {
    L.geoJSON(state.streets, { style: { color: '#8a8a8a', weight: 2 }, interactive: false }).addTo(map);
  }
  line.addTo(map);
  state.stopLayer = L.layerGroup().addTo(map);
  map.on('click', (e) => {
    if (state.pick === 'map') {
      state.picked = [e.latlng.lng, e.latlng.lat];
      $('where-text').textContent = `Vald plats: ${e.latlng.lat.toFixed(5)}, ${e.latlng.lng.toFixed(5)}`;
    }
  });
}

function showStop(i) {
  const stops = state.walk.stops;
  if (!stops.length) {
    $('stop-title').textContent = 'Vandringen har inga stopp';
    return;
  }
  state.stop = Math.max(0, Math.min(i, stops.length - 1));
  const s = stops[state.stop];
  $('stop-title').textContent = `Stopp ${s.number} av ${stops.length}`;
  $('stop-reason').textContent = s.reason;
  const list = $('checklist');
  list.replaceChildren(...Object.values(CHECKLIST).map((t) => {
    const li = document.createElement('li');
    li.textContent = t;
    return li;
  }));
  $('prev').disabled = state.stop === 0;
  $('next').disabled = state.stop === stops.length - 1;
  const next = stops[state.stop + 1];
  $('next').textContent = next ? `Nästa stopp (${next.number})` : 'Sista stoppet';
  const L = window.L;
  state.stopLayer.clearLayers();
  stops.forEach((x, k) => {
    L.marker([x.location[1], x.location[0]], {
      icon: L.divIcon({ className: `stop-marker${k === state.stop ? ' current' : ''}`, html: String(x.number), iconSize: [24, 24] }),
      keyboard: false,
    }).addTo(state.stopLayer);
  });
  state.map.panTo([s.location[1], s.location[0]]);
}

function bindForm() {
  $('prev').addEventListener('click', () => showStop(state.stop - 1));
  $('next').addEventListener('click', () => showStop(state.stop + 1));
  $('add').addEventListener('click', () => {
    $('finding').hidden = false;
    $('finding').reset();
    state.pick = 'stop';
    state.picked = null;
    $('where-text').textContent = '';
    $('category').focus();
  });
  $('cancel').addEventListener('click', () => { $('finding').hidden = true; state.pick = null; });
  for (const r of document.querySelectorAll('input[name="where"]')) {
    r.addEventListener('change', () => {
      state.pick = r.value;
      $('where-text').textContent = r.value === 'map' ? 'Tryck på kartan där fyndet är.' : '';
    });
  }
  $('finding').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('save').disabled = true;
    try {
      await saveFinding();
      $('finding').hidden = true;
      state.pick = null;
    } catch (err) {
      status(err.message);
    } finally {
      $('save').disabled = false;
    }
  });
  $('sync').addEventListener('click', () => sync());
}

function gpsPosition() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject(new Error('Telefonen ger ingen position.')); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve([p.coords.longitude, p.coords.latitude]),
      () => reject(new Error('Ingen GPS-position; välj stoppet eller tryck på kartan.')),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 30000 });
  });
}

async function saveFinding() {
  const stop = state.walk.stops[state.stop];
  const where = document.querySelector('input[name="where"]:checked').value;
  let loc = stop ? stop.location : state.walk.start;
  if (where === 'gps') loc = await gpsPosition();
  if (where === 'map') {
    if (!state.picked) throw new Error('Tryck på kartan där fyndet är.');
    loc = state.picked;
  }
  const id = crypto.randomUUID();
  const file = $('photo').files[0];
  const item = {
    id,
    ws,
    state: 'pending',
    body: findingBody({
      id,
      walkId: state.walk.id,
      stop: stop?.number,
      category: $('category').value,
      severity: Number(document.querySelector('input[name="severity"]:checked').value),
      note: $('note').value,
      location: [Number(loc[0].toFixed(7)), Number(loc[1].toFixed(7))],
      recordedBy: state.recordedBy,
      recordedAt: new Date().toISOString(),
    }),
  };
  if (file) {
    item.photo = file;
    item.photoId = crypto.randomUUID();
  }
  await putItem(item);
  status('Fyndet är sparat i telefonen.');
  await renderOutbox();
  if (navigator.onLine) sync();
}

async function sync() {
  if (state.syncing || !state.walk) return;
  state.syncing = true;
  try {
    const before = await outbox();
    const after = await syncItems(before, client);
    for (let i = 0; i < after.length; i++) {
      if (after[i] !== before[i]) await putItem(after[i]);
    }
  } finally {
    state.syncing = false;
    await renderOutbox();
  }
}

async function renderOutbox() {
  const items = (await outbox()).filter((i) => i.ws === ws && i.body.walkId === state.walk?.id);
  const c = counts(items);
  document.body.dataset.pending = String(c.pending);
  document.body.dataset.synced = String(c.synced);
  document.body.dataset.conflicts = String(c.conflict);
  $('queue').textContent = `${c.pending} väntar på att skickas, ${c.synced} skickade`
    + (c.conflict ? `, ${c.conflict} med konflikt` : '');
  $('outbox-list').replaceChildren(...items.map((i) => {
    const li = document.createElement('li');
    li.dataset.state = i.state;
    li.dataset.id = i.id;
    const what = document.createElement('span');
    what.textContent = `${CHECKLIST[i.body.category] ?? i.body.category}, allvar ${i.body.severity}${i.photo ? ', foto' : ''}${i.body.stop ? `, stopp ${i.body.stop}` : ''}: `;
    const st = document.createElement('span');
    st.className = 'state';
    st.textContent = i.state === 'synced' ? 'skickat' : i.state === 'conflict' ? `konflikt – ${i.message}` : 'väntar';
    li.append(what, st);
    return li;
  }));
}

start().catch((e) => {
  console.error(e);
  status(`Fel: ${e.message}`);
  document.body.dataset.ready = 'error';
});
