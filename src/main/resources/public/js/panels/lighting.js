// The lighting panel: the ranked work list with each item's explanation; a click zooms to it.
import { $, el } from '../dom.js';
import * as lighting from '../clients/lighting.js';
import { zoomTo } from './sites.js';

export function createLightingPanel(app) {
  async function load() {
    try {
      const items = await lighting.priorities(app.workspace.id);
      const list = $('lighting-list');
      list.replaceChildren();
      items.forEach((p) => list.append(el('li', {},
        el('button', { type: 'button', text: `${p.kind ?? ''} ${p.id ?? ''} (${Number(p.score ?? 0).toFixed(2)})`, on: { click: () => zoomTo(app, p.geometry) } }),
        el('div', { class: 'muted', text: p.explanation ?? '' }))));
    } catch (e) {
      app.failed(app.tr('panel.lighting'), e);
    }
  }

  $('lighting-load').addEventListener('click', load);
  return { load };
}
