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

test('a walk answer as Feature plus stop FeatureCollection is normalised', () => {
  const w = normalizeWalk({
    route: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} },
    stops: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] }, properties: { order: 1, name: 'Parken', reason: '9 reports of darkness' } }] },
    lengthM: 2400, durationSeconds: 2520,
  });
  assert.equal(w.route.type, 'LineString');
  assert.deepEqual(w.stops, [{ order: 1, lonLat: [1, 1], name: 'Parken', reason: '9 reports of darkness' }]);
  assert.equal(w.lengthM, 2400);
  assert.equal(w.minutes, 42);
});

test('the route service walk answer (FeatureCollection with roles) is normalised', () => {
  const w = normalizeWalk({
    type: 'FeatureCollection', lengthM: 1800.5, totalMinutes: 34,
    features: [
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 0], [0, 0]] }, properties: { role: 'route', lengthM: 1800.5 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { role: 'start' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 0] }, properties: { role: 'stop', number: 1, id: 'u3', reason: '3 reports of darkness' } },
    ],
  });
  assert.equal(w.route.type, 'LineString');
  // a stop without a name is never named by its id: the panel names it by the nearest street
  assert.deepEqual(w.stops, [{ order: 1, lonLat: [1, 0], name: '', reason: '3 reports of darkness' }]);
  assert.equal(w.lengthM, 1800.5);
  assert.equal(w.minutes, 34);
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
