package se.tryggkarta.route.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static se.tryggkarta.route.graph.Graphs.at;
import static se.tryggkarta.route.graph.Graphs.line;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Lit;

class SnapperTest {
  static final double TOLERANCE_M = 0.5;

  // A 400 m east-west street (two edges joined at x = 200 by a north spur) and a 50 m fragment
  // far away at (1000, 1000) that is not connected.
  static final StreetGraph G =
      StreetGraph.build(
          List.of(
              line("w", Lit.YES, at(0, 0), at(200, 0)),
              line("e", Lit.YES, at(200, 0), at(400, 0)),
              line("spur", Lit.NO, at(200, 0), at(200, 100)),
              line("island", Lit.YES, at(1000, 1000), at(1050, 1000))),
          List.of(),
          List.of());

  @Test
  void snaps_a_point_to_the_foot_of_its_perpendicular_on_the_nearest_edge() {
    // (300, 40): 40 m north of the east edge, 60 m east of the spur: the east edge wins, at x =
    // 300,
    // i.e. halfway along the 200 m edge.
    double[] p = at(300, 40);
    Location l = new Snapper(G).snap("start", new LonLat(p[0], p[1]), 300);
    assertThat(G.segmentId(l.edge())).isEqualTo("e");
    assertThat(l.distanceMeters()).isCloseTo(40, offset(TOLERANCE_M));
    assertThat(l.fraction()).isCloseTo(0.5, offset(0.01));
  }

  @Test
  void never_snaps_to_a_fragment_cut_off_from_the_main_network() {
    // (1020, 1010) is 10 m from the island but about 1 km from the main network.
    double[] p = at(1020, 1010);
    Location l = new Snapper(G).nearest(new LonLat(p[0], p[1])).orElseThrow();
    assertThat(G.segmentId(l.edge())).isNotEqualTo("island");
    assertThat(l.distanceMeters()).isGreaterThan(900);
  }

  @Test
  void rejects_a_point_farther_than_the_limit_as_unprocessable_naming_the_field() {
    double[] p = at(200, 500);
    assertThatThrownBy(() -> new Snapper(G).snap("start", new LonLat(p[0], p[1]), 300))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
              assertThat(e.field()).contains("start");
            });
  }

  @Test
  void an_empty_network_snaps_nothing() {
    StreetGraph empty = StreetGraph.build(List.of(), List.of(), List.of());
    assertThat(new Snapper(empty).nearest(new LonLat(11.8, 58.0))).isEmpty();
    assertThatThrownBy(() -> new Snapper(empty).snap("from", new LonLat(11.8, 58.0), 300))
        .isInstanceOf(DomainException.class);
  }
}
