import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisParams, normalizeGrid } from '../../main/resources/public/js/clients/hotspots.js';
import { normalizeWalk } from '../../main/resources/public/js/clients/walks.js';
import { parseState } from '../../main/resources/public/js/state.js';
import { withQuery } from '../../main/resources/public/js/api.js';

test('a south-up grid with an origin object keeps its values', () => {
  const g = normalizeGrid({ crs: 'EPSG:3006', origin: { x: 100, y: 200 }, cellSize: 25, nx: 2, ny: 2, values: [1, 2, 3, 4] });
  assert.deepEqual({ ...g, values: [...g.values] }, { crs: 'EPSG:3006', xMin: 100, yMin: 200, cellSizeMeters: 25, nx: 2, ny: 2, values: [1, 2, 3, 4] });
});

test('a north-up grid given as rows is flipped so row 0 is the south', () => {
  const g = normalizeGrid({ originX: 0, originY: 50, cellSizeMeters: 25, nx: 2, ny: 2, rowOrder: 'north-up', values: [[1, 2], [3, 4]] });
  assert.equal(g.yMin, 0);
  assert.deepEqual([...g.values], [3, 4, 1, 2]);
});

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
