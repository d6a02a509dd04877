import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectionOf } from '../../main/resources/public/js/sweref.js';

const MM = 0.001; // metres
const NANO_DEGREE = 1e-9;

test('SWEREF 99 TM matches PROJ/GDAL for (11.98, 57.87) to the millimetre', () => {
  // Golden value: gdaltransform and proj4j give E = 320879.716408, N = 6418236.085236 (stack.md).
  const [e, n] = projectionOf('EPSG:3006').forward([11.98, 57.87]);
  assert.ok(Math.abs(e - 320879.716408) < MM, `E was ${e}`);
  assert.ok(Math.abs(n - 6418236.085236) < MM, `N was ${n}`);
});

test('inverse of forward returns the point on a regular grid across Sweden', () => {
  for (const code of [3006, 3007, 3011, 3018, 32633]) {
    const p = projectionOf(code);
    for (let lon = 10.5; lon <= 24; lon += 1.5) {
      for (let lat = 55.2; lat <= 69; lat += 1.7) {
        const [lo, la] = p.inverse(p.forward([lon, lat]));
        assert.ok(Math.abs(lo - lon) < NANO_DEGREE && Math.abs(la - lat) < NANO_DEGREE, `${code} ${lon},${lat} -> ${lo},${la}`);
      }
    }
  }
});

test('the central meridian maps to the false easting', () => {
  assert.ok(Math.abs(projectionOf(3006).forward([15, 60])[0] - 500000) < MM);
  assert.ok(Math.abs(projectionOf(3011).forward([18, 60])[0] - 150000) < MM);
  assert.ok(Math.abs(projectionOf(32632).forward([9, 50])[0] - 500000) < MM);
});

test('unsupported CRS codes give null', () => {
  assert.equal(projectionOf('EPSG:4326'), null);
  assert.equal(projectionOf('EPSG:3857'), null);
});
