package se.tryggkarta.lighting.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;

/**
 * Exact lit length of street segments under circular lamp footprints.
 *
 * <p>For each straight piece a→b of a segment and each lamp at c with radius r (found with an
 * STRtree over the lamps' footprint envelopes), the lit part is where |a + t(b−a) − c| ≤ r, the
 * roots of the quadratic
 *
 * <pre>
 *   A t² + B t + C = 0,  A = |b−a|²,  B = 2 (a−c)·(b−a),  C = |a−c|² − r²
 *   t = (−B ∓ √(B² − 4AC)) / 2A, clipped to [0, 1]
 * </pre>
 *
 * turned into distances along the segment and merged into a union of intervals. Working lamps give
 * the lit intervals; the dark rest is "broken" where a broken lamp's footprint covers it and
 * "missing" elsewhere. Planned lamps give no light. A segment no lamp reaches falls back on its
 * {@code lit} tag: lamps beat tags, because a surveyed lamp inventory is better evidence than a
 * mapper's {@code lit=yes}, and a broken lamp on a street tagged lit leaves it dark. No polygon
 * buffers are built, so the result is exact up to floating point.
 *
 * <p>Stateless and thread-safe; O((n + m) log m) for n segments and m lamps at bounded lamp
 * density.
 */
public final class LampCoverage {
  private LampCoverage() {}

  /** Coverage of every segment; all geometry in the same projected CRS, metres. */
  public static CoverageResult compute(
      List<StreetLine> streets, List<LampPoint> lamps, CoverageSettings settings) {
    STRtree index = new STRtree();
    int working = 0;
    int broken = 0;
    int planned = 0;
    for (LampPoint lamp : lamps) {
      switch (lamp.status()) {
        case WORKING -> working++;
        case BROKEN -> broken++;
        case PLANNED -> planned++;
      }
      if (lamp.status() == LampStatus.PLANNED) {
        continue;
      }
      Envelope e =
          new Envelope(
              lamp.position().x(), lamp.position().x(), lamp.position().y(), lamp.position().y());
      e.expandBy(lamp.radiusMeters());
      index.insert(e, lamp);
    }
    index.build();

    List<SegmentCoverage> out = new ArrayList<>(streets.size());
    Map<String, Double> gain = new HashMap<>();
    double total = 0;
    double litLamps = 0;
    double litTag = 0;
    double darkBroken = 0;
    double darkMissing = 0;
    double untagged = 0;
    int stretchCount = 0;
    for (StreetLine street : streets) {
      SegmentCoverage c = segment(street, index, settings, gain);
      out.add(c);
      total += c.lengthMeters();
      if (c.source() == LitSource.LAMPS) {
        litLamps += c.litMeters();
      } else {
        litTag += c.litMeters();
      }
      if (c.source() == LitSource.NONE) {
        untagged += c.darkMissingMeters();
      }
      darkBroken += c.darkBrokenMeters();
      darkMissing += c.darkMissingMeters();
      stretchCount += c.stretches().size();
    }
    for (LampPoint lamp : lamps) {
      if (lamp.status() == LampStatus.BROKEN) {
        gain.putIfAbsent(lamp.id(), 0.0);
      }
    }
    CoverageSummary summary =
        new CoverageSummary(
            streets.size(),
            total,
            litLamps,
            litTag,
            darkBroken,
            darkMissing,
            untagged,
            working,
            broken,
            planned,
            stretchCount);
    return new CoverageResult(out, summary, gain);
  }

  private static SegmentCoverage segment(
      StreetLine street, STRtree index, CoverageSettings settings, Map<String, Double> gain) {
    LineString line = street.lineMeters();
    double length = line.getLength();
    @SuppressWarnings("unchecked")
    List<LampPoint> near = index.query(line.getEnvelopeInternal());
    List<double[]> litParts = new ArrayList<>();
    List<double[]> brokenParts = new ArrayList<>();
    Map<LampPoint, List<double[]>> brokenByLamp = new HashMap<>();
    for (LampPoint lamp : near) {
      List<double[]> parts = footprint(line, lamp);
      if (parts.isEmpty()) {
        continue;
      }
      if (lamp.status() == LampStatus.WORKING) {
        litParts.addAll(parts);
      } else {
        brokenParts.addAll(parts);
        brokenByLamp.put(lamp, parts);
      }
    }
    if (litParts.isEmpty() && brokenParts.isEmpty()) {
      return untouched(street, length, settings);
    }
    List<double[]> lit = union(litParts);
    List<double[]> dark = complement(lit, length);
    List<double[]> brokenCover = union(brokenParts);
    List<double[]> darkBroken = intersect(dark, brokenCover);
    List<double[]> darkMissing = complement(union(concat(lit, darkBroken)), length);
    for (Map.Entry<LampPoint, List<double[]>> e : brokenByLamp.entrySet()) {
      double g = sum(intersect(union(e.getValue()), darkBroken));
      gain.merge(e.getKey().id(), g, Double::sum);
    }
    List<DarkStretch> stretches = new ArrayList<>();
    List<double[]> all = new ArrayList<>();
    for (double[] p : darkBroken) {
      all.add(new double[] {p[0], p[1], 1});
    }
    for (double[] p : darkMissing) {
      all.add(new double[] {p[0], p[1], 0});
    }
    all.sort((a, b) -> Double.compare(a[0], b[0]));
    LengthIndexedLine indexed = new LengthIndexedLine(line);
    for (double[] p : all) {
      if (p[1] - p[0] < settings.minDarkMeters() || p[1] - p[0] <= 0) {
        continue;
      }
      DarkCause cause = p[2] == 1 ? DarkCause.BROKEN : DarkCause.MISSING;
      List<String> brokenIds = new ArrayList<>();
      if (cause == DarkCause.BROKEN) {
        for (Map.Entry<LampPoint, List<double[]>> e : brokenByLamp.entrySet()) {
          if (sum(intersect(union(e.getValue()), List.of(p))) > 0) {
            brokenIds.add(e.getKey().id());
          }
        }
        brokenIds.sort(null);
      }
      stretches.add(
          new DarkStretch(
              DarkStretch.idOf(street.id(), p[0], p[1]),
              street,
              (LineString) indexed.extractLine(p[0], p[1]),
              p[0],
              p[1],
              cause,
              brokenIds));
    }
    return new SegmentCoverage(
        street,
        LitSource.LAMPS,
        sum(lit),
        sum(darkBroken),
        sum(darkMissing),
        intervals(lit),
        stretches);
  }

  private static SegmentCoverage untouched(
      StreetLine street, double length, CoverageSettings settings) {
    if (street.lit() == Lit.YES) {
      return new SegmentCoverage(
          street, LitSource.TAG, length, 0, 0, List.of(new LitInterval(0, length)), List.of());
    }
    LitSource source = street.lit() == Lit.NO ? LitSource.TAG : LitSource.NONE;
    List<DarkStretch> stretches =
        length >= settings.minDarkMeters() && length > 0
            ? List.of(
                new DarkStretch(
                    DarkStretch.idOf(street.id(), 0, length),
                    street,
                    street.lineMeters(),
                    0,
                    length,
                    DarkCause.MISSING,
                    List.of()))
            : List.of();
    return new SegmentCoverage(street, source, 0, 0, length, List.of(), stretches);
  }

  private static List<LitInterval> intervals(List<double[]> parts) {
    List<LitInterval> out = new ArrayList<>(parts.size());
    for (double[] p : parts) {
      out.add(new LitInterval(p[0], p[1]));
    }
    return out;
  }

  /**
   * The intervals (distance along the line, metres) within the lamp's radius, by the quadratic in
   * the class comment, piece by piece.
   */
  static List<double[]> footprint(LineString line, LampPoint lamp) {
    List<double[]> parts = new ArrayList<>(2);
    double cx = lamp.position().x();
    double cy = lamp.position().y();
    double r2 = lamp.radiusMeters() * lamp.radiusMeters();
    double offset = 0;
    Coordinate[] cs = line.getCoordinates();
    for (int i = 0; i + 1 < cs.length; i++) {
      double ax = cs[i].x;
      double ay = cs[i].y;
      double dx = cs[i + 1].x - ax;
      double dy = cs[i + 1].y - ay;
      double a = dx * dx + dy * dy;
      double len = Math.sqrt(a);
      if (a > 0) {
        double fx = ax - cx;
        double fy = ay - cy;
        double b = 2 * (fx * dx + fy * dy);
        double c = fx * fx + fy * fy - r2;
        double disc = b * b - 4 * a * c;
        if (disc > 0) {
          double s = Math.sqrt(disc);
          double t1 = Math.max(0, (-b - s) / (2 * a));
          double t2 = Math.min(1, (-b + s) / (2 * a));
          if (t1 < t2) {
            parts.add(new double[] {offset + t1 * len, offset + t2 * len});
          }
        }
      }
      offset += len;
    }
    return parts;
  }

  /** Sorted, disjoint union of intervals. */
  static List<double[]> union(List<double[]> parts) {
    if (parts.isEmpty()) {
      return List.of();
    }
    double[][] sorted = parts.toArray(new double[0][]);
    Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
    List<double[]> out = new ArrayList<>();
    double s = sorted[0][0];
    double e = sorted[0][1];
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i][0] <= e) {
        e = Math.max(e, sorted[i][1]);
      } else {
        out.add(new double[] {s, e});
        s = sorted[i][0];
        e = sorted[i][1];
      }
    }
    out.add(new double[] {s, e});
    return out;
  }

  /** [0, length] minus a sorted disjoint union. */
  static List<double[]> complement(List<double[]> covered, double length) {
    List<double[]> out = new ArrayList<>();
    double at = 0;
    for (double[] p : covered) {
      if (p[0] > at) {
        out.add(new double[] {at, Math.min(p[0], length)});
      }
      at = Math.max(at, p[1]);
    }
    if (at < length) {
      out.add(new double[] {at, length});
    }
    return out;
  }

  /** Intersection of two sorted disjoint unions. */
  static List<double[]> intersect(List<double[]> a, List<double[]> b) {
    List<double[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      double s = Math.max(a.get(i)[0], b.get(j)[0]);
      double e = Math.min(a.get(i)[1], b.get(j)[1]);
      if (s < e) {
        out.add(new double[] {s, e});
      }
      if (a.get(i)[1] < b.get(j)[1]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  private static List<double[]> concat(List<double[]> a, List<double[]> b) {
    List<double[]> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static double sum(List<double[]> parts) {
    double s = 0;
    for (double[] p : parts) {
      s += p[1] - p[0];
    }
    return s;
  }
}
