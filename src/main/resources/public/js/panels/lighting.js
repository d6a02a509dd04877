// The lighting panel: the ranked work list, each item named by its street with its explanation;
// a click zooms to it.
import { $, el } from '../dom.js';
import { number } from '../format.js';
import * as lighting from '../clients/lighting.js';
import { zoomTo } from './sites.js';

export function createLightingPanel(app, context) {
  function title(p, k) {
    const rank = p.rank ?? k + 1;
    const at = p.geometry?.type === 'Point' ? p.geometry.coordinates : null;
    const street = p.streetName || (at ? context.nameNear(at) : '');
    const kind = app.tr(`lighting.kind.${p.kind}`) === `lighting.kind.${p.kind}` ? p.kind ?? '' : app.tr(`lighting.kind.${p.kind}`);
    const score = number(app.state.lang, Number(p.score ?? 0), 2);
    return `${rank}. ${[kind, street].filter(Boolean).join(', ')} (${app.tr('lighting.score', { score })})`;
  }

  async function load() {
    try {
      const items = await lighting.priorities(app.workspace.id);
      const list = $('lighting-list');
      list.replaceChildren();
      if (!items.length) list.append(el('li', { text: app.tr('lighting.none') }));
      items.forEach((p, k) => list.append(el('li', {},
        el('button', { type: 'button', text: title(p, k), on: { click: () => zoomTo(app, p.geometry) } }),
        el('div', { class: 'muted', text: p.explanation ?? '' }))));
    } catch (e) {
      app.failed(app.tr('panel.lighting'), e);
    }
  }

  $('lighting-load').addEventListener('click', load);
  return { load };
}
