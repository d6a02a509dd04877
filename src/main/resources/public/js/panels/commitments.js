// The commitments panel: each promise with its progress bar and status.
import { $, el } from '../dom.js';
import { progressBar } from '../progress.js';
import { number } from '../format.js';
import * as commitments from '../clients/commitments.js';

export function createCommitmentsPanel(app) {
  function item({ commitment, progress }) {
    const title = commitment.title ?? commitment.id;
    const li = el('li', { 'data-commitment': commitment.id }, el('strong', { text: title }));
    if (!progress) return li;
    const bar = progressBar(progress);
    const meter = el('div', {
      class: 'progress', role: 'progressbar', 'data-status': bar.status, 'aria-valuemin': '0', 'aria-valuemax': '100',
      'aria-valuenow': String(Math.round(bar.donePercent ?? 0)), 'aria-label': title,
    });
    const done = el('div', { class: 'done' });
    done.style.width = `${bar.donePercent ?? 0}%`;
    meter.append(done);
    if (bar.expectedPercent !== null) {
      const exp = el('div', { class: 'expected', title: app.tr('commitments.expected') });
      exp.style.left = `${bar.expectedPercent}%`;
      meter.append(exp);
    }
    const doneText = number(app.state.lang, Number(progress.done ?? 0));
    const text = bar.donePercent === null ? doneText : `${doneText} / ${number(app.state.lang, Number(progress.target))}`;
    li.append(meter, el('div', { class: 'muted', text: `${text} · ${app.tr(`status.${bar.status}`)}` }));
    return li;
  }

  async function open() {
    const list = $('commitment-list');
    list.replaceChildren(el('li', { text: app.tr('loading') }));
    try {
      const items = await commitments.commitmentsWithProgress(app.workspace.id);
      list.replaceChildren();
      if (!items.length) list.append(el('li', { text: app.tr('commitments.none') }));
      items.forEach((i) => list.append(item(i)));
    } catch (e) {
      list.replaceChildren();
      app.failed(app.tr('panel.commitments'), e);
    }
  }

  return { open };
}
