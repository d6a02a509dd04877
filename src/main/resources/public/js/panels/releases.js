// The public's choices (issue 17): which published release to read (a fixed period), which
// category group and which slice of the day, and a short note on how the release is protected.
// Members keep the free filters; this panel is the public's only control over the analyses.
import { $, el } from '../dom.js';
import { date, dateTime, number } from '../format.js';
import { fetchReleases, releaseChoice, releaseGroups, releaseParams } from '../clients/releases.js';

const idOf = (v) => (typeof v === 'string' ? v : v?.id);

export function createReleasesPanel(app) {
  let releases = null;
  let choice = null;

  const name = (v) => (v && typeof v === 'object' ? v[app.state.lang] ?? v.sv ?? '' : String(v ?? ''));

  function options(select, items, chosen, labelOf) {
    select.replaceChildren(...items.map((i) => el('option', { value: idOf(i), text: labelOf(i) })));
    select.value = chosen;
  }

  function sliceName(s) {
    const id = idOf(s);
    const key = `release.slice.${id}`;
    const text = app.tr(key, { hours: app.nightHours.replace('-', '–') });
    return text === key ? id : text;
  }

  /**
   * How the chosen release is protected, in a sentence or three: the mechanism with its ε, cell
   * size and threshold, the period's dates, and when the release was made (from the metadata of
   * the last public answer, once one has arrived).
   */
  function note() {
    const { lang } = app.state;
    const period = (releases.periods ?? []).find((p) => idOf(p) === choice.release);
    const m = releases.mechanism ?? {};
    const parts = [app.tr('release.mechanism', {
      epsilon: number(lang, Number(m.epsilonPerMonth ?? 0), 2),
      k: number(lang, Number(m.k ?? 0)),
      cell: number(lang, Number(m.cellMeters ?? 0)),
    })];
    if (period?.from && period?.to) parts.push(app.tr('release.span', { from: date(lang, period.from), to: date(lang, period.to) }));
    const meta = app.releaseMeta;
    if (meta?.madeAt && idOf(meta.period) === choice.release) parts.push(app.tr('release.madeAt', { at: dateTime(lang, meta.madeAt) }));
    return parts.join(' ');
  }

  function render() {
    const box = $('release');
    box.hidden = !releases;
    if (!releases) return;
    options($('release-period'), releases.periods ?? [], choice.release, (p) => name(p.label ?? idOf(p)));
    options($('release-group'), releaseGroups(releases), choice.group, (g) => name(g.name ?? idOf(g)));
    options($('release-slice'), releases.slices ?? [], choice.slice, sliceName);
    $('release-note').textContent = note();
  }

  /** Loads the workspace's releases (none for members, who keep the free filters). */
  async function load() {
    releases = null;
    if (app.workspace && app.role() === 'public') releases = await fetchReleases(app.workspace.id);
    choice = releases ? releaseChoice(releases, { release: app.state.release, group: app.state.group, slice: app.state.slice }) : null;
    render();
  }

  return {
    load,
    render,
    /** The public's analysis parameters, or null when there are no releases to read. */
    params: () => (releases ? releaseParams(releases, choice) : null),
    /** Shows the release metadata of a public answer in the note. */
    showMeta(meta) {
      app.releaseMeta = meta;
      if (releases) $('release-note').textContent = note();
    },
    /** Reads the controls into the choice; the caller redraws. */
    read() {
      choice = { release: $('release-period').value, group: $('release-group').value, slice: $('release-slice').value };
      app.setState({ ...app.state, release: choice.release, group: choice.group, slice: choice.slice });
      $('release-note').textContent = note();
    },
  };
}
