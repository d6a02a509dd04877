import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestStreetName, nearestStreetPoint } from '../../main/resources/public/js/snap.js';

const R = 6371008.8;
const RAD = Math.PI / 180;
/** Haversine metres: an oracle independent of the local plane the module measures on. */
function metres([lon1, lat1], [lon2, lat2]) {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2
    + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

const street = (name, coordinates) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { name } });
const STREETS = [
  street('Storgatan', [[12.290, 57.990], [12.300, 57.990], [12.305, 57.995]]),
  street('Kyrkogatan', [[12.290, 57.992], [12.300, 57.992]]),
  street('', [[12.295, 57.9905], [12.295, 57.9915]]),
];

test('the snapped point is the nearest point of any street, checked against dense sampling', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let k = 0; k < 50; k++) {
    const click = [12.288 + random() * 0.02, 57.988 + random() * 0.009];
    const snapped = nearestStreetPoint(click, STREETS);
    let best = Infinity;
    for (const f of STREETS) {
      const c = f.geometry.coordinates;
      for (let i = 0; i + 1 < c.length; i++) {
        for (let s = 0; s <= 2000; s++) {
          const t = s / 2000;
          best = Math.min(best, metres(click, [c[i][0] + t * (c[i + 1][0] - c[i][0]), c[i][1] + t * (c[i + 1][1] - c[i][1])]));
        }
      }
    }
    // sampling every 1/2000 of a segment (under 0.5 m) and the local plane both err far below 1 m
    assert.ok(Math.abs(metres(click, snapped.lonLat) - best) < 1, `click ${click}: ${metres(click, snapped.lonLat)} vs ${best}`);
    assert.ok(Math.abs(snapped.distanceMeters - best) < 1);
  }
});

test('two clicks on different spots of one street give two different points on it', () => {
  const a = nearestStreetPoint([12.2920, 57.99003], STREETS);
  const b = nearestStreetPoint([12.2980, 57.98998], STREETS);
  assert.equal(a.name, 'Storgatan');
  assert.equal(b.name, 'Storgatan');
  assert.ok(metres(a.lonLat, b.lonLat) > 300);
  assert.ok(Math.abs(a.lonLat[1] - 57.990) < 1e-9);
});

test('nothing within the distance gives null; the nearest name skips unnamed paths', () => {
  assert.equal(nearestStreetPoint([12.5, 58.5], STREETS, 150), null);
  assert.equal(nearestStreetPoint([12.5, 58.5], []), null);
  // the unnamed path is 12 m away, Storgatan 44 m
  assert.equal(nearestStreetName([12.2951, 57.9904], STREETS), 'Storgatan');
});
