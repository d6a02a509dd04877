import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chains, chooseLabels, clipToBox, overlaps, streetAnchors } from '../../main/resources/public/js/labels.js';

const box = (left, top, w, h) => ({ left, top, right: left + w, bottom: top + h });

test('a label over a site marker moves to its next position or is left out', () => {
  const marker = box(100, 100, 26, 26);
  const over = { boxes: [box(90, 105, 60, 14), box(90, 140, 60, 14)], priority: 2 };
  const onlyOver = { boxes: [box(95, 110, 40, 14)], priority: 1 };
  const kept = chooseLabels([onlyOver, over], [marker]);
  assert.deepEqual(kept, [{ candidate: over, position: 1 }]);
});

test('labels never overlap each other and the higher priority wins', () => {
  const main = { boxes: [box(0, 0, 100, 14)], priority: 10 };
  const minor = { boxes: [box(50, 5, 100, 14)], priority: 1 };
  const apart = { boxes: [box(0, 40, 100, 14)], priority: 0 };
  const kept = chooseLabels([minor, apart, main], []).map((k) => k.candidate);
  assert.deepEqual(kept, [main, apart]);
  // brute-force check of the rule on a random field
  let seed = 3;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const candidates = Array.from({ length: 200 }, (_, k) => ({ boxes: [box(random() * 500, random() * 500, 60, 14), box(random() * 500, random() * 500, 60, 14)], priority: k }));
  const obstacles = Array.from({ length: 20 }, () => box(random() * 500, random() * 500, 26, 26));
  const placed = chooseLabels(candidates, obstacles).map(({ candidate, position }) => candidate.boxes[position]);
  assert.ok(placed.length > 10);
  for (const [i, a] of placed.entries()) {
    for (const o of obstacles) assert.ok(!overlaps(a, o), 'label over a marker');
    for (const b of placed.slice(i + 1)) assert.ok(!overlaps(a, b), 'two labels overlap');
  }
});

test('block-long pieces of a street join into one stretch, whatever their direction', () => {
  const joined = chains([[[100, 0], [200, 0]], [[0, 0], [100, 0]], [[300, 0], [200, 0]], [[0, 50], [10, 50]]]);
  assert.equal(joined.length, 2);
  assert.deepEqual(joined[0], [[0, 0], [100, 0], [200, 0], [300, 0]]);
});

test('a street name stands in the middle of its longest stretch and never reads upside down', () => {
  const [a] = streetAnchors([{ name: 'Storgatan', lines: [[[0, 0], [100, 0]], [[100, 0], [200, 0]], [[500, 500], [520, 500]]] }]);
  assert.deepEqual([a.x, a.y, a.lengthPx], [100, 0, 200]);
  const [b] = streetAnchors([{ name: 'Backen', lines: [[[100, 100], [0, 0]]] }]);
  assert.equal(b.angleDeg, 45);
  assert.deepEqual(streetAnchors([{ name: '', lines: [[[0, 0], [10, 0]]] }]), []);
});

test('a line is cut at the edges of the view, and parts outside are dropped', () => {
  const view = { left: 0, top: 0, right: 100, bottom: 100 };
  // crosses the whole view left to right, then leaves and comes back
  const parts = clipToBox([[-50, 50], [150, 50], [150, 80], [50, 80]], view);
  assert.deepEqual(parts, [[[0, 50], [100, 50]], [[100, 80], [50, 80]]]);
  assert.deepEqual(clipToBox([[200, 200], [300, 300]], view), []);
  assert.deepEqual(clipToBox([[10, 10], [20, 20], [30, 10]], view), [[[10, 10], [20, 20], [30, 10]]]);
});
