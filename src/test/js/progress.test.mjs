import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressBar, statusKey } from '../../main/resources/public/js/progress.js';

test('312 of 500 done with 400 expected fills 62.4 % with the marker at 80 %', () => {
  assert.deepEqual(progressBar({ done: 312, target: 500, expectedByNow: 400, status: 'behind' }),
    { donePercent: 62.4, expectedPercent: 80, text: '312 / 500', status: 'behind' });
});

test('overshooting the target caps the bar at 100 %', () => {
  assert.equal(progressBar({ done: 7, target: 6, status: 'met' }).donePercent, 100);
});

test('a commitment without a target shows the count and no bar width', () => {
  const b = progressBar({ done: 3, status: 'on_track' });
  assert.equal(b.donePercent, null);
  assert.equal(b.text, '3');
  assert.equal(b.status, 'on-track');
});

const statuses = [['ON TRACK', 'on-track'], ['atRisk', 'at-risk'], ['ended_unmet', 'ended-unmet'], ['weird', 'unknown'], [undefined, 'unknown']];
for (const [input, expected] of statuses) {
  test(`status ${input} reads as ${expected}`, () => assert.equal(statusKey(input), expected));
}
