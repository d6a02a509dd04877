package se.tryggkarta.route.graph;

import java.util.List;

/**
 * How one street segment is lit, as the lighting feature computes it, in fractions of the segment's
 * length so that the graph can cut it into edges in its own (geodesic) metres.
 *
 * @param litSpans the lit parts, sorted and disjoint, as fractions of the segment's length from its
 *     first vertex
 * @param known whether the dark rest is known to be dark (lamp data reaches or covers the area, or
 *     a {@code lit} tag says so); false when it is dark only for want of data, which the safe
 *     router penalises by half
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

  /**
   * A lit part as fractions of the segment's length; values a hair outside [0, 1] from rounding are
   * clamped.
   */
  public record Span(double from, double to) {
    public Span {
      if (!(from <= to) || !Double.isFinite(from) || !Double.isFinite(to)) {
        throw new IllegalArgumentException("span must satisfy from ≤ to, was " + from + ", " + to);
      }
      from = Math.max(0, Math.min(1, from));
      to = Math.max(0, Math.min(1, to));
    }
  }

  /**
   * The lit share of the part between fractions {@code f0 < f1} of the segment, 0..1; for {@code f0
   * == f1}, 1 when that point is lit and 0 otherwise.
   */
  public double litShareBetween(double f0, double f1) {
    if (!(f1 > f0)) {
      for (Span s : litSpans) {
        if (s.from() <= f0 && f0 <= s.to()) {
          return 1;
        }
      }
      return 0;
    }
    double lit = 0;
    for (Span s : litSpans) {
      lit += Math.max(0, Math.min(f1, s.to()) - Math.max(f0, s.from()));
    }
    return Math.min(1, lit / (f1 - f0));
  }
}
