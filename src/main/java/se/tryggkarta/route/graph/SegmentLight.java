package se.tryggkarta.route.graph;

import java.util.List;

/**
 * How one street segment is lit, as the lighting feature computes it. Positions along the segment
 * are in vertex units, so that the graph can cut the lit parts to its edges and measure them in its
 * own (geodesic) metres without a second projection: position {@code i + t} (0 ≤ t ≤ 1) is the
 * point a fraction t of the way from the line's vertex i to vertex i + 1. Along one straight piece
 * both the workspace's projected CRS and the sphere keep fractions, so an edge's lit share here is
 * the lighting map's, exactly.
 *
 * @param litSpans the lit parts, sorted and disjoint, in vertex units
 * @param known whether the dark rest is known to be dark (lamp data, or a {@code lit} tag); false
 *     when it is dark only for want of data, which the safe router penalises by half
 */
public record SegmentLight(List<Span> litSpans, boolean known) {
  /** Nothing known: no lit part, and the dark is not known dark. */
  public static final SegmentLight UNKNOWN = new SegmentLight(List.of(), false);

  public SegmentLight {
    litSpans = List.copyOf(litSpans);
    for (int i = 1; i < litSpans.size(); i++) {
      if (litSpans.get(i).from() < litSpans.get(i - 1).to()) {
        throw new IllegalArgumentException(
            "lit spans must be sorted and disjoint, were " + litSpans);
      }
    }
  }

  /** A lit part from vertex position {@code from} to {@code to} (vertex units, see above). */
  public record Span(double from, double to) {
    public Span {
      if (!(from >= 0 && to >= from && Double.isFinite(to))) {
        throw new IllegalArgumentException(
            "span must satisfy 0 ≤ from ≤ to, was " + from + ", " + to);
      }
    }
  }

  /** The lit share, 0..1, of the straight piece from vertex {@code i} to vertex {@code i + 1}. */
  public double litShareOfPiece(int i) {
    double lit = 0;
    for (Span s : litSpans) {
      if (s.from() >= i + 1) {
        break;
      }
      lit += Math.max(0, Math.min(i + 1, s.to()) - Math.max(i, s.from()));
    }
    return Math.min(1, lit);
  }
}
