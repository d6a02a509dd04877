// Benchmark (not a test): how long the browser-side heatmap rendering takes for grids of growing
// size, on Node's V8 (the same engine as Chromium). Run: node --experimental-detect-module
// src/test/js/grid-image.bench.mjs. Seeded data; reports the median of 7 runs after 3 warm-ups.
import { gridToImage } from '../../main/resources/public/js/grid-image.js';
import { projectionOf } from '../../main/resources/public/js/sweref.js';

const tm = projectionOf('EPSG:3006');
let seed = 20261129;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

for (const n of [100, 250, 500, 1000]) {
  const values = Float64Array.from({ length: n * n }, () => random());
  const grid = { crs: 'EPSG:3006', xMin: 300000, yMin: 6400000, cellSizeMeters: 25, nx: n, ny: n, values };
  const times = [];
  let image;
  for (let run = 0; run < 10; run++) {
    const t0 = process.hrtime.bigint();
    image = gridToImage(grid, tm);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (run >= 3) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`grid ${n}x${n} -> image ${image.width}x${image.height}: median ${times[3].toFixed(1)} ms`);
}
