import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, parseState, serializeState, withLayer } from '../../main/resources/public/js/state.js';

test('the default state serialises to an empty query', () => {
  assert.equal(serializeState(parseState('')), '');
});

test('a full state survives the round trip through the URL', () => {
  const q = '?ws=kungalv&from=2024-01-01&to=2024-06-30&cat=stold,rån&night=1&bw=350&layers=boundary,gistar,lamps&lang=en&at=57.87000,11.98000,14&rel=2026-q3&grp=all&slice=night';
  const s = parseState(q);
  assert.deepEqual(s, {
    ws: 'kungalv', from: '2024-01-01', to: '2024-06-30', categories: ['stold', 'rån'], night: true,
    bandwidthMeters: 350, layers: ['boundary', 'gistar', 'lamps'], lang: 'en', view: [57.87, 11.98, 14],
    release: '2026-q3', group: 'all', slice: 'night',
  });
  assert.deepEqual(parseState(serializeState(s)), s);
});

const invalid = [
  ['a workspace id that is not a slug', '?ws=Kung%C3%A4lv', 'ws', ''],
  ['an impossible date', '?from=2024-02-30', 'from', ''],
  ['a bandwidth below the range', '?bw=5', 'bandwidthMeters', 200],
  ['a bandwidth that is not an integer', '?bw=12.5e9', 'bandwidthMeters', 200],
  ['an unknown language', '?lang=fi', 'lang', 'sv'],
  ['a view out of range', '?at=95,10,3', 'view', null],
];
for (const [name, q, field, expected] of invalid) {
  test(`falls back to the default for ${name}`, () => assert.deepEqual(parseState(q)[field], expected));
}

test('a reversed time range drops both ends', () => {
  const s = parseState('?from=2024-06-01&to=2024-01-01');
  assert.equal(s.from, '');
  assert.equal(s.to, '');
});

test('unknown layers are ignored and layers keep legend order', () => {
  assert.deepEqual(parseState('?layers=lamps,nonsense,boundary').layers, ['boundary', 'lamps']);
});

test('toggling a layer on and off returns to the same URL', () => {
  const s = parseState('');
  const on = withLayer(s, 'incidents', true);
  assert.ok(on.layers.includes('incidents'));
  assert.match(serializeState(on), /layers=/);
  assert.equal(serializeState(withLayer(on, 'incidents', false)), '');
  assert.deepEqual(DEFAULTS.layers, s.layers);
});
