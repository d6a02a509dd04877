import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkGrid, gridToImage, pixelCentre } from '../../main/resources/public/js/grid-image.js';
import { projectionOf } from '../../main/resources/public/js/sweref.js';

const tm = projectionOf('EPSG:3006');

function grid(nx, ny, fill) {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = fill(i, j);
  return { crs: 'EPSG:3006', xMin: 319000, yMin: 6417000, cellSizeMeters: 100, nx, ny, values };
}

function cellOf(g, lonLat) {
  const [x, y] = tm.forward(lonLat);
  return [Math.floor((x - g.xMin) / g.cellSizeMeters), Math.floor((y - g.yMin) / g.cellSizeMeters)];
}

test('every coloured pixel lies in a non-zero cell and every zero-cell pixel is transparent (brute force)', () => {
  const g = grid(30, 20, (i, j) => (i === 7 && j === 13 ? 5 : i >= 20 && j < 4 ? 1 : 0));
  const img = gridToImage(g, tm);
  let coloured = 0;
  for (let py = 0; py < img.height; py++) {
    for (let px = 0; px < img.width; px++) {
      const alpha = img.rgba[(py * img.width + px) * 4 + 3];
      const [i, j] = cellOf(g, pixelCentre(img, px, py));
      const inside = i >= 0 && j >= 0 && i < g.nx && j < g.ny;
      const v = inside ? g.values[j * g.nx + i] : 0;
      assert.equal(alpha > 0, v > 0, `pixel ${px},${py} cell ${i},${j}`);
      if (alpha > 0) coloured++;
    }
  }
  assert.ok(coloured > 0);
});

test('the hottest cell gets the darkest colour and the image keeps the row order (north up)', () => {
  // one hot cell in the north-west corner: its pixels are in the top-left part of the image
  const g = grid(10, 10, (i, j) => (i === 0 && j === 9 ? 3 : 0));
  const img = gridToImage(g, tm);
  for (let py = 0; py < img.height; py++) {
    for (let px = 0; px < img.width; px++) {
      if (img.rgba[(py * img.width + px) * 4 + 3] > 0) {
        assert.ok(px < img.width / 2 && py < img.height / 2, `hot pixel at ${px},${py}`);
        assert.deepEqual([...img.rgba.subarray((py * img.width + px) * 4, (py * img.width + px) * 4 + 3)], [177, 0, 38]);
      }
    }
  }
  assert.equal(img.max, 3);
});

test('bounds contain all four grid corners', () => {
  const g = grid(40, 25, () => 1);
  const [[s, w], [n, e]] = gridToImage(g, tm).bounds;
  for (const [x, y] of [[g.xMin, g.yMin], [g.xMin + 4000, g.yMin], [g.xMin, g.yMin + 2500], [g.xMin + 4000, g.yMin + 2500]]) {
    const [lon, lat] = tm.inverse([x, y]);
    assert.ok(lon >= w - 1e-12 && lon <= e + 1e-12 && lat >= s - 1e-12 && lat <= n + 1e-12);
  }
});

test('rejects a grid whose values do not match nx * ny', () => {
  assert.throws(() => checkGrid({ ...grid(3, 3, () => 0), nx: 4 }), /nx \* ny/);
  assert.throws(() => checkGrid({ ...grid(3, 3, () => 0), cellSizeMeters: 0 }), /cellSizeMeters/);
});
