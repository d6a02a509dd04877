import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisParams } from '../../main/resources/public/js/clients/hotspots.js';
import { normalizeWalk } from '../../main/resources/public/js/clients/walks.js';
import { normalizeRoute } from '../../main/resources/public/js/clients/routes.js';
import { parseState } from '../../main/resources/public/js/state.js';
import { withQuery } from '../../main/resources/public/js/api.js';

test('night only asks for the hours 18-06 and empty filters are left out of the query', () => {
  const p = analysisParams(parseState('?night=1&bw=300'));
  assert.equal(withQuery('/x', p), '/x?layer=incidents&bandwidth=300&hours=18-06');
});

test('the walk plan (a FeatureCollection with roles) becomes the route, numbered stops, length and minutes', () => {
  const w = normalizeWalk({
    type: 'FeatureCollection', lengthM: 1800.5, totalMinutes: 34,
    features: [
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 0], [0, 0]] }, properties: { role: 'route', lengthM: 1800.5 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { role: 'start', name: 'Resecentrum' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 0] }, properties: { role: 'stop', number: 1, id: 'u3', name: 'Storgatan 4', reason: '3 reports of darkness' } },
    ],
  });
  assert.equal(w.route.type, 'LineString');
  assert.deepEqual(w.stops, [{ order: 1, lonLat: [1, 0], name: 'Storgatan 4', reason: '3 reports of darkness' }]);
  assert.equal(w.lengthM, 1800.5);
  assert.equal(w.minutes, 34);
});

test('a walk answer in any other shape than the service sends is rejected, not guessed at', () => {
  const route = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} };
  assert.throws(() => normalizeWalk({ type: 'FeatureCollection', features: [route], lengthM: 2400, durationSeconds: 2520 }), TypeError);
  assert.throws(() => normalizeWalk({ route, stops: [], lengthM: 2400 }), TypeError);
});

test('the safe route answer gives both routes with their lit shares', () => {
  const line = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
  const r = normalizeRoute({
    type: 'FeatureCollection', lengthM: 900, litShare: 0.9, shortestLengthM: 700, shortestLitShare: 0.4,
    features: [
      { type: 'Feature', geometry: line, properties: { role: 'safe' } },
      { type: 'Feature', geometry: line, properties: { role: 'shortest' } },
    ],
  });
  assert.deepEqual(r, { safe: { geometry: line, lengthM: 900, litShare: 0.9 }, shortest: { geometry: line, lengthM: 700, litShare: 0.4 } });
});

test('a safe route answer without both roles is rejected, not guessed at', () => {
  const line = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
  assert.throws(() => normalizeRoute({ type: 'FeatureCollection', lengthM: 900, features: [{ type: 'Feature', geometry: line, properties: { role: 'safe' } }] }), TypeError);
  assert.throws(() => normalizeRoute({ safe: { geometry: line, lengthM: 900 } }), TypeError);
});
