// Transverse Mercator between WGS84/GRS80 longitude-latitude and the projected metric CRSs the
// workspaces analyse in (SWEREF 99 TM EPSG:3006, the SWEREF 99 local zones EPSG:3007-3018, and
// WGS 84 / UTM north EPSG:32601-32660), so the map can place grids computed in metres.
//
// Source: Lantmäteriet, "Gauss Conformal Projection (Transverse Mercator): Krüger's formulas"
// (2008), the series in n = f / (2 - f) to n^4 (sub-millimetre within a zone):
//   forward:  phi* = phi - sin(phi)cos(phi)(A + B sin^2 phi + C sin^4 phi + D sin^6 phi)
//             xi' = atan(tan(phi*) / cos(dl)),  eta' = atanh(cos(phi*) sin(dl))
//             N = k0 a^ (xi' + sum_j beta_j sin(2j xi') cosh(2j eta')) + FN
//             E = k0 a^ (eta' + sum_j beta_j cos(2j xi') sinh(2j eta')) + FE
//   inverse:  the same with delta_j, then phi = phi* + sin cos (A* + B* sin^2 + C* sin^4 + D* sin^6)
// with a^ = a / (1 + n) (1 + n^2/4 + n^4/64). Pure functions; no state.

const GRS80 = { a: 6378137, f: 1 / 298.257222101 };
const WGS84 = { a: 6378137, f: 1 / 298.257223563 };

const LOCAL_ZONES = {
  3007: 12, 3008: 13.5, 3009: 15, 3010: 16.5, 3011: 18, 3012: 14.25,
  3013: 15.75, 3014: 17.25, 3015: 18.75, 3016: 20.25, 3017: 21.75, 3018: 23.25,
};

/** The projection of an EPSG code ("EPSG:3006" or 3006), or null when it is not supported here. */
export function projectionOf(crs) {
  const code = Number(String(crs).replace(/^EPSG:/i, ''));
  if (code === 3006) return transverseMercator(GRS80, 15, 0.9996, 500000, 0);
  if (LOCAL_ZONES[code] !== undefined) return transverseMercator(GRS80, LOCAL_ZONES[code], 1, 150000, 0);
  if (code >= 32601 && code <= 32660) {
    return transverseMercator(WGS84, -183 + 6 * (code - 32600), 0.9996, 500000, 0);
  }
  return null;
}

/** A transverse Mercator projection: forward([lon, lat]) -> [x, y] metres, inverse the reverse. */
export function transverseMercator(ellipsoid, lon0Deg, k0, falseEasting, falseNorthing) {
  const { a, f } = ellipsoid;
  const e2 = f * (2 - f);
  const n = f / (2 - f);
  const aHat = (a / (1 + n)) * (1 + (n * n) / 4 + (n ** 4) / 64);
  const A = e2;
  const B = (5 * e2 ** 2 - e2 ** 3) / 6;
  const C = (104 * e2 ** 3 - 45 * e2 ** 4) / 120;
  const D = (1237 * e2 ** 4) / 1260;
  const As = e2 + e2 ** 2 + e2 ** 3 + e2 ** 4;
  const Bs = -(7 * e2 ** 2 + 17 * e2 ** 3 + 30 * e2 ** 4) / 6;
  const Cs = (224 * e2 ** 3 + 889 * e2 ** 4) / 120;
  const Ds = -(4279 * e2 ** 4) / 1260;
  const beta = [
    n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180,
    (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440,
    (61 * n ** 3) / 240 - (103 * n ** 4) / 140,
    (49561 * n ** 4) / 161280,
  ];
  const delta = [
    n / 2 - (2 * n ** 2) / 3 + (37 * n ** 3) / 96 - n ** 4 / 360,
    n ** 2 / 48 + n ** 3 / 15 - (437 * n ** 4) / 1440,
    (17 * n ** 3) / 480 - (37 * n ** 4) / 840,
    (4397 * n ** 4) / 161280,
  ];
  const rad = Math.PI / 180;
  const lon0 = lon0Deg * rad;

  function forward([lon, lat]) {
    const phi = lat * rad;
    const s = Math.sin(phi);
    const s2 = s * s;
    const phiStar = phi - s * Math.cos(phi) * (A + s2 * (B + s2 * (C + s2 * D)));
    const dl = lon * rad - lon0;
    const xiP = Math.atan2(Math.tan(phiStar), Math.cos(dl));
    const etaP = Math.atanh(Math.cos(phiStar) * Math.sin(dl));
    let xi = xiP;
    let eta = etaP;
    for (let j = 1; j <= 4; j++) {
      xi += beta[j - 1] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
      eta += beta[j - 1] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
    }
    return [k0 * aHat * eta + falseEasting, k0 * aHat * xi + falseNorthing];
  }

  function inverse([x, y]) {
    const xi = (y - falseNorthing) / (k0 * aHat);
    const eta = (x - falseEasting) / (k0 * aHat);
    let xiP = xi;
    let etaP = eta;
    for (let j = 1; j <= 4; j++) {
      xiP -= delta[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
      etaP -= delta[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    }
    const phiStar = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
    const dl = Math.atan2(Math.sinh(etaP), Math.cos(xiP));
    const s = Math.sin(phiStar);
    const s2 = s * s;
    const phi = phiStar + s * Math.cos(phiStar) * (As + s2 * (Bs + s2 * (Cs + s2 * Ds)));
    return [(lon0 + dl) / rad, phi / rad];
  }

  return { forward, inverse };
}
