// Colour ramps and class colours for the map layers. Pure functions; no state.
//
// The density ramp is ColorBrewer's sequential YlOrRd (Brewer, colorbrewer2.org), chosen because
// it reads on light and dark ground, prints in grey as a monotone lightness scale and is safe for
// the common colour-vision deficiencies. Zero is transparent so the context shows through.

/** YlOrRd, 7 classes, light to dark, as [r, g, b]. */
export const DENSITY_STOPS = [
  [255, 255, 178], [254, 217, 118], [254, 178, 76], [253, 141, 60],
  [252, 78, 42], [227, 26, 28], [177, 0, 38],
];

/**
 * The colour of t in [0, 1] on the ramp, linearly interpolated in sRGB between neighbouring stops;
 * t below 0 clamps to the first stop, above 1 to the last. Returns [r, g, b] integers.
 */
export function rampColour(t, stops = DENSITY_STOPS) {
  if (!Number.isFinite(t)) throw new RangeError(`t must be finite, was ${t}`);
  const c = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(c));
  const w = c - i;
  return stops[i].map((v, k) => Math.round(v + (stops[i + 1][k] - v) * w));
}

/** Densities below this share of the maximum are left transparent (the kernels' long thin tails). */
export const DENSITY_FLOOR = 0.02;

/**
 * RGBA of a density value scaled by the largest value: transparent below DENSITY_FLOOR × max (and
 * for zero, negatives and NaN), then the ramp with opacity rising from 0.2 to 0.85, so weak density
 * never hides the streets.
 */
export function densityRgba(value, maxValue) {
  if (!(value > 0) || !(maxValue > 0)) return [0, 0, 0, 0];
  const t = Math.min(1, value / maxValue);
  if (t < DENSITY_FLOOR) return [0, 0, 0, 0];
  return [...rampColour(t), densityAlpha(t)];
}

/** Opacity (0..255) at share t of the maximum: 0.2 rising to 0.85. */
function densityAlpha(t) {
  return Math.round(255 * (0.2 + 0.65 * t));
}

/**
 * densityRgba at size evenly spaced shares t = q / (size - 1) of the maximum, ignoring the floor,
 * as one flat RGBA table: for colouring many pixels without allocating (nearest entry, so colours
 * are within 1/(size - 1) of exact).
 */
export function densityTable(size = 1024) {
  const table = new Uint8ClampedArray(size * 4);
  for (let q = 0; q < size; q++) {
    const t = q / (size - 1);
    table.set([...rampColour(t), densityAlpha(t)], q * 4);
  }
  return table;
}

/** CSS colour of an [r, g, b] triple. */
export function css([r, g, b]) {
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Gi* classes (Getis & Ord 1992; Ord & Getis 1995) as ArcGIS and PySAL draw them: reds for hot
 * spots at 99/95/90 % confidence, blues for cold spots, grey for not significant.
 */
export const GISTAR_CLASSES = [
  { key: 'hot-99', colour: '#d62f27' },
  { key: 'hot-95', colour: '#ed7551' },
  { key: 'hot-90', colour: '#fab984' },
  { key: 'not-significant', colour: '#eeeeee' },
  { key: 'cold-90', colour: '#c0ccbe' },
  { key: 'cold-95', colour: '#849eba' },
  { key: 'cold-99', colour: '#4575b5' },
];

/**
 * The Gi* class of a hexagon: its `class` property, one of the keys of GISTAR_CLASSES, exactly as
 * `…/hotspots/gistar` sends it (the service has already applied the FDR-adjusted q-value). Any other
 * value is a broken contract, not a spelling to guess at: it throws.
 */
export function giStarClass(props) {
  const key = props.class;
  if (!GISTAR_CLASSES.some((c) => c.key === key)) throw new TypeError(`unknown Gi* class ${JSON.stringify(key)}`);
  return key;
}

/** The colour of a Gi* class key. */
export function giStarColour(key) {
  return (GISTAR_CLASSES.find((c) => c.key === key) ?? GISTAR_CLASSES[3]).colour;
}

/** Contour bands by the share of the density mass inside (massFraction): dark (0.25) to light (0.75). */
export function contourColour(massShare) {
  return css(rampColour(1 - Math.min(1, Math.max(0, Number(massShare) || 0))));
}
