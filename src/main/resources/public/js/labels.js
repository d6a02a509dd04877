// Where the map writes street and place names: every name once, along the longest piece of its
// street that is on screen, and never over a patrol-site marker or another label. Greedy placement
// by priority, the rule web maps use for point and line labels (Christensen, Marks & Shieber 1995
// compare it with optimal placement; greedy keeps most labels at a fraction of the cost). Pure:
// boxes are screen rectangles {left, top, right, bottom} in pixels.

/** Whether two boxes overlap once each is grown by pad pixels. */
export function overlaps(a, b, pad = 0) {
  return a.left - pad < b.right && b.left - pad < a.right && a.top - pad < b.bottom && b.top - pad < a.bottom;
}

/**
 * The labels to keep: candidates in order of priority (highest first), each placed at the first of
 * its positions whose box overlaps no obstacle and no label kept before it, or left out.
 * @param {{boxes: object[], priority: number}[]} candidates each with its positions, best first
 * @param {object[]} obstacles boxes no label may touch (site markers)
 * @returns {{candidate: object, position: number}[]} the kept labels, highest priority first
 */
export function chooseLabels(candidates, obstacles, pad = 2) {
  const kept = [];
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority);
  for (const candidate of sorted) {
    const position = candidate.boxes.findIndex((box) => !obstacles.some((o) => overlaps(box, o, pad))
      && !kept.some((k) => overlaps(box, k.box, pad)));
    if (position >= 0) kept.push({ candidate, position, box: candidate.boxes[position] });
  }
  return kept.map(({ candidate, position }) => ({ candidate, position }));
}

/**
 * The parts of a line inside a box, each an array of [x, y] points: every segment is clipped to the
 * box (Liang & Barsky 1984), and a part ends where the line leaves the box.
 */
export function clipToBox(line, box) {
  const parts = [];
  let part = [];
  for (let k = 0; k + 1 < line.length; k++) {
    const [x0, y0] = line[k];
    const [x1, y1] = line[k + 1];
    const dx = x1 - x0;
    const dy = y1 - y0;
    let t0 = 0;
    let t1 = 1;
    const edges = [[-dx, x0 - box.left], [dx, box.right - x0], [-dy, y0 - box.top], [dy, box.bottom - y0]];
    let inside = true;
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < 0) inside = false;
      } else {
        const r = q / p;
        if (p < 0) t0 = Math.max(t0, r); else t1 = Math.min(t1, r);
      }
    }
    if (!inside || t0 > t1) {
      if (part.length > 1) parts.push(part);
      part = [];
      continue;
    }
    const a = [x0 + t0 * dx, y0 + t0 * dy];
    const b = [x0 + t1 * dx, y0 + t1 * dy];
    if (!part.length) part.push(a);
    part.push(b);
    if (t1 < 1) {
      parts.push(part);
      part = [];
    }
  }
  if (part.length > 1) parts.push(part);
  return parts;
}

const key = ([x, y]) => `${Math.round(x)},${Math.round(y)}`;

/**
 * Lines joined where one ends at another's start or end (within half a pixel), as a street split
 * into block-long pieces is one stretch to label. Greedy: each chain grows at both ends while an
 * unused piece touches it.
 * @param {number[][][]} lines arrays of [x, y] points
 */
export function chains(lines) {
  const atEnd = new Map();
  lines.forEach((line, k) => {
    for (const p of [line[0], line[line.length - 1]]) {
      const list = atEnd.get(key(p)) ?? [];
      list.push(k);
      atEnd.set(key(p), list);
    }
  });
  const used = new Set();
  const out = [];
  const next = (point) => (atEnd.get(key(point)) ?? []).find((k) => !used.has(k));
  lines.forEach((line, k) => {
    if (used.has(k)) return;
    used.add(k);
    let chain = [...line];
    for (let n = next(chain[chain.length - 1]); n !== undefined; n = next(chain[chain.length - 1])) {
      used.add(n);
      const piece = key(lines[n][0]) === key(chain[chain.length - 1]) ? lines[n] : [...lines[n]].reverse();
      chain = chain.concat(piece.slice(1));
    }
    for (let n = next(chain[0]); n !== undefined; n = next(chain[0])) {
      used.add(n);
      const piece = key(lines[n][lines[n].length - 1]) === key(chain[0]) ? lines[n] : [...lines[n]].reverse();
      chain = piece.slice(0, -1).concat(chain);
    }
    out.push(chain);
  });
  return out;
}

/**
 * One anchor per street name: the middle of the longest stretch of that name in screen pixels
 * (pieces that meet end to end count as one stretch),
 * with the direction of the line there as an angle in degrees turned so text never reads upside
 * down (−90..90). Lines are arrays of [x, y] pixel points.
 * @param {{name: string, lines: number[][][]}[]} streets
 * @returns {{name: string, x: number, y: number, angleDeg: number, lengthPx: number}[]}
 */
export function streetAnchors(streets) {
  const best = new Map();
  for (const { name, lines } of streets) {
    if (!name) continue;
    for (const line of chains(lines)) {
      let length = 0;
      for (let k = 0; k + 1 < line.length; k++) length += Math.hypot(line[k + 1][0] - line[k][0], line[k + 1][1] - line[k][1]);
      if (length > (best.get(name)?.lengthPx ?? 0)) best.set(name, { name, line, lengthPx: length });
    }
  }
  return [...best.values()].map(({ name, line, lengthPx }) => {
    let walked = 0;
    for (let k = 0; k + 1 < line.length; k++) {
      const [x0, y0] = line[k];
      const [x1, y1] = line[k + 1];
      const seg = Math.hypot(x1 - x0, y1 - y0);
      if (walked + seg >= lengthPx / 2 && seg > 0) {
        const t = (lengthPx / 2 - walked) / seg;
        let angle = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
        if (angle > 90) angle -= 180;
        if (angle < -90) angle += 180;
        return { name, x: x0 + t * (x1 - x0), y: y0 + t * (y1 - y0), angleDeg: angle, lengthPx };
      }
      walked += seg;
    }
    return { name, x: line[0][0], y: line[0][1], angleDeg: 0, lengthPx };
  });
}
