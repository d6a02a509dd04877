// How a commitment's progress is shown: bar widths and a status key. Pure.

const STATUSES = ['not-started', 'on-track', 'behind', 'at-risk', 'met', 'ended-unmet', 'no-target'];

/** "on_track", "onTrack", "ON TRACK" -> "on-track"; unknown statuses -> "unknown". */
export function statusKey(status) {
  const k = String(status ?? '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return STATUSES.includes(k) ? k : 'unknown';
}

const clampPercent = (v) => Math.max(0, Math.min(100, v));

/**
 * The bar of one progress answer ({done, target, expectedByNow, status}): the share done and the
 * share expected by now, in percent of the target (capped to 0..100; null without a positive
 * target), and the text "done / target".
 */
export function progressBar(p) {
  const done = Number(p.done ?? 0);
  const target = Number(p.target);
  const hasTarget = Number.isFinite(target) && target > 0;
  const expected = Number(p.expectedByNow);
  return {
    donePercent: hasTarget ? clampPercent((100 * done) / target) : null,
    expectedPercent: hasTarget && Number.isFinite(expected) ? clampPercent((100 * expected) / target) : null,
    text: hasTarget ? `${done} / ${target}` : String(done),
    status: statusKey(p.status),
  };
}
