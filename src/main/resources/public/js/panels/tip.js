// The "Tipsa om en otrygg plats" panel of the public map: a citizen clicks the map, picks what
// makes the place unsafe and may add a few words; the service keeps the tip for moderation (only
// approved tips count in analyses, and the text is never shown to the public). Builds its own DOM
// and listens to the map itself, so the map's glue needs one call: installTipPanel(map, getWs).
// Shown for public workspaces and to members.

import { ApiError, postJson, wsPath } from '../api.js';

const TEXT = {
  sv: {
    title: 'Tipsa om en otrygg plats',
    help: 'Klicka på kartan där platsen är. Skriv inte namn eller annat som pekar ut någon.',
    place: 'Plats: {lat}, {lon}',
    category: 'Vad gör platsen otrygg?',
    text: 'Berätta gärna mer (frivilligt)',
    send: 'Skicka tips',
    thanks: 'Tack! Tipset granskas innan det används i analyserna.',
    limit: 'Du har skickat fem tips i dag. Tack – välkommen tillbaka i morgon.',
    pick: 'Klicka först på kartan där platsen är.',
    failed: 'Tipset kunde inte skickas: {why}',
    categories: {
      lighting: 'Dålig belysning', vegetation: 'Skymd sikt, buskage', activity: 'Folk som gör platsen otrygg',
      maintenance: 'Skräp, klotter, förfall', signage: 'Svårt att hitta, dålig skyltning', other: 'Annat',
    },
  },
  en: {
    title: 'Report an unsafe place',
    help: 'Click the map where the place is. Do not write names or anything that identifies someone.',
    place: 'Place: {lat}, {lon}',
    category: 'What makes the place unsafe?',
    text: 'Tell us more (optional)',
    send: 'Send',
    thanks: 'Thank you! The report is reviewed before it is used in analyses.',
    limit: 'You have sent five reports today. Thank you – come back tomorrow.',
    pick: 'First click the map where the place is.',
    failed: 'The report could not be sent: {why}',
    categories: {
      lighting: 'Poor lighting', vegetation: 'Blocked view, bushes', activity: 'People making it feel unsafe',
      maintenance: 'Litter, graffiti, decay', signage: 'Hard to find the way', other: 'Other',
    },
  },
};

const MAX_TEXT = 1000;

function words() {
  return TEXT[document.documentElement.lang === 'en' ? 'en' : 'sv'];
}

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, k) => params[k]);
}

/** Adds the panel to the map's side bar; getWorkspace() returns the selected workspace or null. */
export function installTipPanel(map, getWorkspace) {
  const panel = document.createElement('details');
  panel.id = 'panel-tip';
  panel.className = 'panel';
  panel.dataset.panel = 'tip';
  panel.hidden = true;
  const summary = document.createElement('summary');
  const help = document.createElement('p');
  const where = document.createElement('p');
  where.id = 'tip-place';
  where.className = 'muted';
  const form = document.createElement('form');
  form.id = 'tip-form';
  const catLabel = document.createElement('label');
  catLabel.className = 'block';
  const catText = document.createElement('span');
  const select = document.createElement('select');
  select.id = 'tip-category';
  catLabel.append(catText, select);
  const textLabel = document.createElement('label');
  textLabel.className = 'block';
  const textText = document.createElement('span');
  const textarea = document.createElement('textarea');
  textarea.id = 'tip-text';
  textarea.rows = 3;
  textarea.maxLength = MAX_TEXT;
  textLabel.append(textText, textarea);
  const send = document.createElement('button');
  send.type = 'submit';
  send.id = 'tip-send';
  const result = document.createElement('p');
  result.id = 'tip-result';
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  form.append(catLabel, textLabel, send);
  panel.append(summary, help, where, form, result);
  document.querySelector('aside.side')?.append(panel);

  let point = null;
  let marker = null;

  function render() {
    const w = words();
    summary.textContent = w.title;
    help.textContent = w.help;
    catText.textContent = w.category;
    textText.textContent = w.text;
    send.textContent = w.send;
    const chosen = select.value;
    select.replaceChildren(...Object.entries(w.categories).map(([value, label]) => {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      return o;
    }));
    if (chosen) select.value = chosen;
    const ws = getWorkspace();
    const member = document.body.dataset.role && document.body.dataset.role !== 'public';
    panel.hidden = !ws || !(ws.public || member);
    if (panel.hidden) panel.open = false;
  }

  map.on('click', (e) => {
    if (!panel.open) return;
    point = [Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6))];
    if (marker) marker.remove();
    marker = window.L.circleMarker(e.latlng, { radius: 8, color: '#a34400', weight: 3, fillOpacity: 0.5 }).addTo(map);
    where.textContent = fill(words().place, { lat: point[1].toFixed(5), lon: point[0].toFixed(5) });
  });
  panel.addEventListener('toggle', () => {
    if (!panel.open && marker) { marker.remove(); marker = null; }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const w = words();
    const ws = getWorkspace();
    if (!point || !ws) { result.textContent = w.pick; return; }
    send.disabled = true;
    try {
      const body = { location: point, category: select.value };
      if (textarea.value.trim()) body.text = textarea.value.trim().slice(0, MAX_TEXT);
      await postJson(`${wsPath(ws.id)}/tips`, body);
      result.textContent = w.thanks;
      textarea.value = '';
      point = null;
      where.textContent = '';
      if (marker) { marker.remove(); marker = null; }
    } catch (err) {
      result.textContent = err instanceof ApiError && err.status === 429 ? w.limit : fill(w.failed, { why: err.message });
    } finally {
      send.disabled = false;
    }
  });

  new MutationObserver(render).observe(document.body, { attributes: true, attributeFilter: ['data-workspace', 'data-role'] });
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  render();
}
