package se.tryggkarta.route.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static se.tryggkarta.route.graph.Graphs.at;
import static se.tryggkarta.route.graph.Graphs.line;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/** The graph cuts each segment's lit spans (from the lighting feature) to its edges. */
class StreetGraphLightTest {
  /** Fractions of a few hundred metres of line, computed two ways: well under a millimetre. */
  static final double FRACTION_TOLERANCE = 1e-6;

  // "main" runs A(0,0) – B(200,0) – C(400,0); "spur" leaves B northwards, so main splits at B into
  // two 200 m edges. The tag says main is lit=yes, but the lighting lights only its first 150 m:
  // in vertex units (vertex 0 = A, 1 = B, 2 = C) the span [0, 0.75].
  static final StreetSegment MAIN = line("main", Lit.YES, at(0, 0), at(200, 0), at(400, 0));
  static final StreetSegment SPUR = line("spur", Lit.UNKNOWN, at(200, 0), at(200, 100));

  static final StreetGraph G =
      StreetGraph.build(
          List.of(MAIN, SPUR),
          Map.of("main", new SegmentLight(List.of(new SegmentLight.Span(0, 0.75)), true)),
          List.of());

  static int edge(String segment, double[] end) {
    for (int e = 0; e < G.edgeCount(); e++) {
      if (G.segmentId(e).equals(segment)
          && (G.node(G.from(e)).lon() == end[0] || G.node(G.to(e)).lon() == end[0])) {
        return e;
      }
    }
    throw new AssertionError("no edge of " + segment + " at " + end[0]);
  }

  @Test
  void each_edge_gets_the_lit_share_of_its_own_part_of_the_segment() {
    // A–B is main's piece 0: 150 of its 200 m are lit, 0.75. B–C is piece 1: none of it is lit,
    // although main is tagged lit=yes: the lighting's figure beats the tag.
    assertThat(G.edgeCount()).isEqualTo(3);
    int ab = edge("main", at(0, 0));
    int bc = edge("main", at(400, 0));
    assertThat(G.litFraction(ab)).isCloseTo(0.75, offset(FRACTION_TOLERANCE));
    assertThat(G.litFraction(bc)).isCloseTo(0.0, offset(FRACTION_TOLERANCE));
    assertThat(G.darkShare(bc)).isCloseTo(1.0, offset(FRACTION_TOLERANCE));
  }

  @Test
  void a_segment_the_lighting_does_not_know_is_dark_but_penalised_by_half() {
    int spur = edge("spur", at(200, 100));
    assertThat(G.litFraction(spur)).isZero();
    assertThat(G.isLightingKnown(spur)).isFalse();
    assertThat(G.darkShare(spur)).isEqualTo(0.5);
  }

  @Test
  void the_edges_lit_metres_add_up_to_the_segments_lit_share_of_its_length() {
    double lit = 0;
    double length = 0;
    for (int e = 0; e < G.edgeCount(); e++) {
      if (G.segmentId(e).equals("main")) {
        lit += G.lengthMeters(e) * G.litFraction(e);
        length += G.lengthMeters(e);
      }
    }
    assertThat(lit / length).isCloseTo(150.0 / 400, offset(FRACTION_TOLERANCE));
  }
}
