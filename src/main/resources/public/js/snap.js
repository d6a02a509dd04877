// Snapping a click to the nearest point of the drawn streets, so a click means the same street
// point whether or not a feature lies under the cursor. Distances are measured on a local
// equirectangular plane around the click (x = Δλ·cos φ0·R, y = Δφ·R, R = 6 371 008.8 m, the mean
// Earth radius): within a few kilometres its error is far below a metre. Pure.

const R = 6371008.8;
const RAD = Math.PI / 180;

/** Each line of a LineString or MultiLineString geometry as an array of [lon, lat]. */
function linesOf(geometry) {
  if (geometry?.type === 'LineString') return [geometry.coordinates];
  if (geometry?.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/**
 * The street point nearest to lonLat: {lonLat, name, distanceMeters}, or null when no street lies
 * within maxMeters (or there are none).
 * @param {[number, number]} lonLat the click
 * @param {object[]} features GeoJSON line features; properties.name is returned when set
 * @param {number} maxMeters how far a click may be from a street and still snap to it
 */
export function nearestStreetPoint(lonLat, features, maxMeters = Infinity) {
  const [lon0, lat0] = lonLat;
  const kx = Math.cos(lat0 * RAD) * R * RAD;
  const ky = R * RAD;
  let best = null;
  for (const f of features) {
    for (const line of linesOf(f.geometry)) {
      for (let k = 0; k + 1 < line.length; k++) {
        const ax = (line[k][0] - lon0) * kx;
        const ay = (line[k][1] - lat0) * ky;
        const bx = (line[k + 1][0] - lon0) * kx;
        const by = (line[k + 1][1] - lat0) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
        const px = ax + t * dx;
        const py = ay + t * dy;
        const d = Math.hypot(px, py);
        if (d <= maxMeters && (best === null || d < best.distanceMeters)) {
          best = { lonLat: [lon0 + px / kx, lat0 + py / ky], name: f.properties?.name ?? '', distanceMeters: d };
        }
      }
    }
  }
  return best;
}

/** The name of the nearest named street within maxMeters, or '' when there is none. */
export function nearestStreetName(lonLat, features, maxMeters = 150) {
  const named = features.filter((f) => f.properties?.name);
  return nearestStreetPoint(lonLat, named, maxMeters)?.name ?? '';
}
