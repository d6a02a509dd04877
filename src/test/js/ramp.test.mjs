import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DENSITY_FLOOR, DENSITY_STOPS, densityRgba, densityTable, giStarClass, rampColour } from '../../main/resources/public/js/ramp.js';

test('ramp ends are the first and last stops and the midpoint of two stops is their mean', () => {
  assert.deepEqual(rampColour(0), DENSITY_STOPS[0]);
  assert.deepEqual(rampColour(1), DENSITY_STOPS[6]);
  assert.deepEqual(rampColour(-3), DENSITY_STOPS[0]);
  assert.deepEqual(rampColour(0.5 / 6), DENSITY_STOPS[0].map((v, k) => Math.round((v + DENSITY_STOPS[1][k]) / 2)));
});

test('ramp lightness falls monotonically so it prints as a grey scale', () => {
  const luma = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  let previous = Infinity;
  for (let k = 0; k <= 100; k++) {
    const l = luma(rampColour(k / 100));
    assert.ok(l <= previous + 1e-9, `lightness rose at t=${k / 100}`);
    previous = l;
  }
});

test('zero, negative and NaN densities are transparent; the maximum is the darkest and most opaque', () => {
  assert.equal(densityRgba(0, 5)[3], 0);
  assert.equal(densityRgba(-1, 5)[3], 0);
  assert.equal(densityRgba(NaN, 5)[3], 0);
  assert.equal(densityRgba(1, 0)[3], 0);
  assert.deepEqual(densityRgba(5, 5), [...DENSITY_STOPS[6], Math.round(255 * 0.85)]);
  assert.ok(densityRgba(1, 5)[3] < densityRgba(4, 5)[3]);
});

test('densities under the floor share of the maximum are transparent, at the floor they show', () => {
  assert.equal(densityRgba(DENSITY_FLOOR * 100 * 0.99, 100)[3], 0);
  assert.ok(densityRgba(DENSITY_FLOOR * 100, 100)[3] > 0);
});

test('rejects a non-finite ramp position', () => {
  assert.throws(() => rampColour(NaN), RangeError);
});

test('every Gi* class the service sends is drawn as itself', () => {
  for (const key of ['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99']) {
    assert.equal(giStarClass({ class: key, z: 0, p: 1, q: 1 }), key);
  }
});

const foreignClasses = [
  ['another spelling of a class', { class: 'hot99' }],
  ['prose', { class: 'Cold spot 95%' }],
  ['z and p without a class', { zScore: 3.1, pValue: 0.002 }],
  ['nothing', {}],
];
for (const [name, props] of foreignClasses) {
  test(`Gi* class: ${name} is rejected, not guessed at`, () => assert.throws(() => giStarClass(props), TypeError));
}

test('the density table agrees with densityRgba above the floor to within one colour step', () => {
  const size = 1024;
  const table = densityTable(size);
  for (const t of [DENSITY_FLOOR, 0.1, 0.37, 0.5, 0.999, 1]) {
    const q = Math.round(t * (size - 1));
    const exact = densityRgba(t * 1000, 1000);
    for (let c = 0; c < 4; c++) assert.ok(Math.abs(table[q * 4 + c] - exact[c]) <= 1, `t=${t} channel ${c}`);
  }
});
