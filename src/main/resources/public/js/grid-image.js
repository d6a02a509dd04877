// Turns a density grid computed in a projected metric CRS into an RGBA image for a Leaflet image
// overlay. Leaflet stretches an overlay linearly in Web Mercator between its lon/lat bounds, so
// every output pixel is taken at its Web Mercator centre, projected into the grid's CRS (exactly
// at lattice nodes, interpolated between them) and coloured by the cell it falls in (nearest-cell
// sampling; no smoothing is invented). Pure.
//
// Web Mercator (EPSG:3857, spherical): y = ln(tan(pi/4 + phi/2)), phi = atan(sinh(y)).

import { DENSITY_FLOOR, densityTable } from './ramp.js';

const TABLE_SIZE = 1024;
const TABLE = densityTable(TABLE_SIZE);

/**
 * A density grid as the page uses it.
 * @typedef {object} Grid
 * @property {string} crs       EPSG code of the projected CRS, e.g. "EPSG:3006"
 * @property {number} xMin      west edge of the grid in metres (easting)
 * @property {number} yMin      south edge of the grid in metres (northing)
 * @property {number} cellSizeMeters square cell side in metres
 * @property {number} nx        columns (west to east)
 * @property {number} ny        rows (south to north: row 0 is the southernmost)
 * @property {ArrayLike<number>} values nx * ny densities, index row * nx + column
 */

const RAD = Math.PI / 180;
const mercatorY = (latDeg) => Math.log(Math.tan(Math.PI / 4 + (latDeg * RAD) / 2));
const latitudeOf = (y) => Math.atan(Math.sinh(y)) / RAD;

/** Checks a grid's shape; throws RangeError naming the bad field. */
export function checkGrid(grid) {
  for (const k of ['xMin', 'yMin', 'cellSizeMeters']) {
    if (!Number.isFinite(grid[k])) throw new RangeError(`grid.${k} must be a finite number, was ${grid[k]}`);
  }
  if (!(grid.cellSizeMeters > 0)) throw new RangeError(`grid.cellSizeMeters must be > 0, was ${grid.cellSizeMeters}`);
  if (!Number.isInteger(grid.nx) || !Number.isInteger(grid.ny) || grid.nx < 1 || grid.ny < 1) {
    throw new RangeError(`grid.nx and grid.ny must be positive integers, were ${grid.nx}, ${grid.ny}`);
  }
  if (grid.values.length !== grid.nx * grid.ny) {
    throw new RangeError(`grid.values has ${grid.values.length} entries, expected nx * ny = ${grid.nx * grid.ny}`);
  }
  return grid;
}

/** The grid's outline in lon/lat: [[south, west], [north, east]], from samples along its edges. */
export function gridBoundsLonLat(grid, projection, samplesPerSide = 16) {
  const xMax = grid.xMin + grid.nx * grid.cellSizeMeters;
  const yMax = grid.yMin + grid.ny * grid.cellSizeMeters;
  let south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
  for (let s = 0; s <= samplesPerSide; s++) {
    const fx = grid.xMin + ((xMax - grid.xMin) * s) / samplesPerSide;
    const fy = grid.yMin + ((yMax - grid.yMin) * s) / samplesPerSide;
    for (const p of [[fx, grid.yMin], [fx, yMax], [grid.xMin, fy], [xMax, fy]]) {
      const [lon, lat] = projection.inverse(p);
      south = Math.min(south, lat); north = Math.max(north, lat);
      west = Math.min(west, lon); east = Math.max(east, lon);
    }
  }
  return [[south, west], [north, east]];
}

/** The largest finite value of the grid (0 when there is none above 0). */
export function maxValue(values) {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k] > max && Number.isFinite(values[k])) max = values[k];
  return max;
}

/**
 * Pixels between exactly projected lattice nodes; positions in between are interpolated
 * bilinearly. Transverse Mercator is smooth: across 8 pixels of a town-sized image (under 100 m)
 * the interpolation error is far below a millimetre, while the cost falls about 60-fold.
 */
export const LATTICE_PIXELS = 8;

/**
 * Renders the grid: {width, height, rgba (Uint8ClampedArray, row 0 at the north), bounds, max}.
 * The longer image side is at most maxSide pixels and about two pixels per cell.
 */
export function gridToImage(grid, projection, { maxSide = 768 } = {}) {
  checkGrid(grid);
  const bounds = gridBoundsLonLat(grid, projection);
  const [[south, west], [north, east]] = bounds;
  const spanX = (east - west) * RAD;
  const yN = mercatorY(north);
  const yS = mercatorY(south);
  const spanY = yN - yS;
  const side = Math.min(maxSide, 2 * Math.max(grid.nx, grid.ny));
  const width = Math.max(1, Math.round(spanX >= spanY ? side : (side * spanX) / spanY));
  const height = Math.max(1, Math.round(spanY >= spanX ? side : (side * spanY) / spanX));
  const image = { width, height, bounds };
  const max = maxValue(grid.values);
  const rgba = new Uint8ClampedArray(width * height * 4);
  // projected x, y of the lattice nodes at pixel centres 0, S, 2S, ... (and one past the edge)
  const S = LATTICE_PIXELS;
  const lw = Math.ceil((width - 1) / S) + 2;
  const lh = Math.ceil((height - 1) / S) + 2;
  const lx = new Float64Array(lw * lh);
  const ly = new Float64Array(lw * lh);
  for (let j = 0; j < lh; j++) {
    for (let i = 0; i < lw; i++) {
      const [x, y] = projection.forward(pixelCentre(image, i * S, j * S));
      lx[j * lw + i] = x;
      ly[j * lw + i] = y;
    }
  }
  for (let py = 0; py < height; py++) {
    const j = Math.floor(py / S);
    const v = (py - j * S) / S;
    for (let px = 0; px < width; px++) {
      const i = Math.floor(px / S);
      const u = (px - i * S) / S;
      const k = j * lw + i;
      const x = (1 - v) * ((1 - u) * lx[k] + u * lx[k + 1]) + v * ((1 - u) * lx[k + lw] + u * lx[k + lw + 1]);
      const y = (1 - v) * ((1 - u) * ly[k] + u * ly[k + 1]) + v * ((1 - u) * ly[k + lw] + u * ly[k + lw + 1]);
      const ci = Math.floor((x - grid.xMin) / grid.cellSizeMeters);
      const cj = Math.floor((y - grid.yMin) / grid.cellSizeMeters);
      if (ci < 0 || cj < 0 || ci >= grid.nx || cj >= grid.ny) continue;
      const value = grid.values[cj * grid.nx + ci];
      if (!(value > 0) || !(value >= DENSITY_FLOOR * max)) continue; // as densityRgba: transparent
      const q = 4 * Math.round(Math.min(1, value / max) * (TABLE_SIZE - 1));
      const o = (py * width + px) * 4;
      rgba[o] = TABLE[q];
      rgba[o + 1] = TABLE[q + 1];
      rgba[o + 2] = TABLE[q + 2];
      rgba[o + 3] = TABLE[q + 3];
    }
  }
  return { width, height, rgba, bounds, max };
}

/** The lon/lat of pixel (px, py)'s centre in an image made by gridToImage (for tests and picking). */
export function pixelCentre(image, px, py) {
  const [[south, west], [north, east]] = image.bounds;
  const yN = mercatorY(north);
  const spanY = yN - mercatorY(south);
  return [west + ((px + 0.5) / image.width) * (east - west), latitudeOf(yN - ((py + 0.5) / image.height) * spanY)];
}
