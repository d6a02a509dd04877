package se.tryggkarta.route.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static se.tryggkarta.route.graph.Graphs.at;
import static se.tryggkarta.route.graph.Graphs.line;
import static se.tryggkarta.route.graph.Graphs.tagged;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Lit;

class SnapperTest {
  static final double TOLERANCE_M = 0.5;

  // A 400 m east-west street (two edges joined at x = 200 by a north spur) and a 50 m fragment
  // far away at (1000, 1000) that is not connected.
  static final StreetGraph G =
      Graphs.tagLit(
          List.of(
              line("w", Lit.YES, at(0, 0), at(200, 0)),
              line("e", Lit.YES, at(200, 0), at(400, 0)),
              line("spur", Lit.NO, at(200, 0), at(200, 100)),
              line("island", Lit.YES, at(1000, 1000), at(1050, 1000))));

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
  void says_which_nearer_fragment_it_passed_over() {
    double[] p = at(1020, 1010);
    Snapper snapper = new Snapper(G);
    Location l = snapper.nearest(new LonLat(p[0], p[1])).orElseThrow();
    Snapper.Skipped s = snapper.skipped(l).orElseThrow();
    assertThat(G.segmentId(s.edge())).isEqualTo("island");
    assertThat(s.reason()).isEqualTo(Snapper.SkipReason.FRAGMENT);
    assertThat(s.distanceMeters()).isCloseTo(10, offset(TOLERANCE_M));
    assertThat(s.componentLengthMeters()).isCloseTo(50, offset(TOLERANCE_M));
    // a point whose nearest street is usable has nothing to report
    double[] q = at(300, 40);
    assertThat(snapper.skipped(snapper.nearest(new LonLat(q[0], q[1])).orElseThrow())).isEmpty();
  }

  // A 1 600 m street, a 300 m service tunnel 10 m north of it and parallel (connected at its west
  // end by a ramp), and a second, separate network of 1 200 m (an island with its own streets).
  static final StreetGraph WITH_TUNNEL =
      Graphs.tagLit(
          List.of(
              line("w", Lit.YES, at(0, 0), at(200, 0)),
              line("e", Lit.YES, at(200, 0), at(1600, 0)),
              line("ramp", Lit.YES, at(0, 0), at(50, 10)),
              tagged("tunnel", Map.of("tunnel", "yes", "layer", "-3"), at(50, 10), at(350, 10)),
              line("island-1", Lit.YES, at(0, 3000), at(600, 3000)),
              line("island-2", Lit.YES, at(600, 3000), at(1200, 3000))));

  @Test
  void never_snaps_into_a_tunnel_and_says_so() {
    // (200, 14): 4 m from the tunnel, 14 m from the street above
    double[] p = at(200, 14);
    Snapper snapper = new Snapper(WITH_TUNNEL);
    Location l = snapper.nearest(new LonLat(p[0], p[1])).orElseThrow();
    assertThat(WITH_TUNNEL.segmentId(l.edge())).isIn("w", "e");
    assertThat(l.distanceMeters()).isCloseTo(14, offset(TOLERANCE_M));
    Snapper.Skipped s = snapper.skipped(l).orElseThrow();
    assertThat(s.reason()).isEqualTo(Snapper.SkipReason.UNDERGROUND);
    assertThat(s.distanceMeters()).isCloseTo(4, offset(TOLERANCE_M));
  }

  @Test
  void snaps_to_a_separate_network_long_enough_for_a_walk() {
    // 1 200 m of street is more than MIN_NETWORK_LENGTH_M: a point there stays there.
    double[] p = at(300, 3020);
    Location l = new Snapper(WITH_TUNNEL).nearest(new LonLat(p[0], p[1])).orElseThrow();
    assertThat(WITH_TUNNEL.segmentId(l.edge())).isEqualTo("island-1");
    assertThat(WITH_TUNNEL.isInMainComponent(l.edge())).isFalse();
    assertThat(WITH_TUNNEL.component(l.edge())).isNotEqualTo(WITH_TUNNEL.component(0));
  }

  @Test
  void a_network_that_is_all_tunnel_is_still_snapped_to() {
    StreetGraph tunnels =
        Graphs.tagLit(List.of(tagged("t", Map.of("tunnel", "yes"), at(0, 0), at(300, 0))));
    double[] p = at(100, 5);
    assertThat(new Snapper(tunnels).nearest(new LonLat(p[0], p[1]))).isPresent();
  }

  @ParameterizedTest(name = "{0} -> underground {1}")
  @CsvSource({
    "tunnel=yes, true",
    "tunnel=culvert, true",
    "tunnel=building_passage, false",
    "tunnel=no, false",
    "location=underground, true",
    "indoor=yes, true",
    "bridge=yes, false",
    "layer=-1, false"
  })
  void reads_underground_from_the_osm_tags(String tag, boolean underground) {
    String[] kv = tag.split("=");
    assertThat(StreetGraph.underground(Map.of(kv[0], kv[1]))).isEqualTo(underground);
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
    StreetGraph empty = Graphs.tagLit(List.of());
    assertThat(new Snapper(empty).nearest(new LonLat(11.8, 58.0))).isEmpty();
    assertThatThrownBy(() -> new Snapper(empty).snap("from", new LonLat(11.8, 58.0), 300))
        .isInstanceOf(DomainException.class);
  }
}
