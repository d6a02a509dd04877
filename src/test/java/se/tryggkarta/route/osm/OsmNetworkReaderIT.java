package se.tryggkarta.route.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.tryggkarta.Fixtures;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.route.graph.StreetGraph;

/**
 * The real OpenStreetMap extracts in the test fixtures (see their SOURCE.md). Counts there come
 * from osmium-tool; the ones pinned here beyond those are this reader's output, checked against
 * them.
 */
class OsmNetworkReaderIT {
  static final Path STOCKHOLM = Fixtures.SODERMALM_PBF;
  static final Path HELSINKI = Fixtures.HELSINKI_PBF;

  /** Lengths summed over thousands of edges: a metre is plenty. */
  static final double LENGTH_TOLERANCE_M = 1.0;

  @Test
  void stockholm_has_178_walkable_ways_of_13_648_m_and_no_lamps() {
    NetworkData d = OsmNetworkReader.read(STOCKHOLM, NetworkFormat.OSM_PBF);
    // SOURCE.md: 185 highway ways (all walkable types, 8 of them cycleways), 0 missing nodes,
    // 14.3 km. Of the cycleways 7 carry no foot access tag, so 185 − 7 = 178 ways remain.
    assertThat(d.streets()).hasSize(178);
    assertThat(d.lamps()).isEmpty();
    assertThat(d.warnings()).isEmpty();
    StreetGraph g = StreetGraph.build(d.streets(), Map.of(), List.of());
    assertThat(g.totalLengthMeters()).isCloseTo(13_647.7, offset(LENGTH_TOLERANCE_M));
    assertThat(g.totalLengthMeters()).isLessThan(14_300);
    assertThat(g.nodeCount()).isEqualTo(255);
    assertThat(g.edgeCount()).isEqualTo(312);
    // SOURCE.md: 12 ways tagged lit, all lit=yes.
    assertThat(d.streets().stream().filter(s -> s.lit() == Lit.YES).count())
        .isLessThanOrEqualTo(12);
    assertThat(d.streets()).anyMatch(s -> s.name().orElse("").equals("Högbergsgatan"));
  }

  @Test
  void helsinki_tolerates_missing_nodes_and_takes_all_586_lamps() throws IOException {
    NetworkData d = OsmNetworkReader.read(HELSINKI, NetworkFormat.OSM_PBF);
    assertThat(d.lamps()).hasSize(586);
    // The osmium export of the same lamps: every position matches one of ours.
    JsonNode lamps = new ObjectMapper().readTree(Fixtures.HELSINKI_LAMPS.toFile());
    Set<String> ours = new HashSet<>();
    for (Lamp l : d.lamps()) {
      ours.add(
          String.format(
              java.util.Locale.ROOT, "%.7f,%.7f", l.location().lon(), l.location().lat()));
    }
    for (JsonNode f : lamps.path("features")) {
      JsonNode c = f.path("geometry").path("coordinates");
      assertThat(ours)
          .contains(
              String.format(
                  java.util.Locale.ROOT, "%.7f,%.7f", c.get(0).asDouble(), c.get(1).asDouble()));
    }
    assertThat(d.streets()).hasSize(2389);
    assertThat(d.warnings()).anyMatch(w -> w.startsWith("163 walkable ways reference 718 nodes"));
    StreetGraph g = StreetGraph.build(d.streets(), Map.of(), List.of());
    assertThat(g.nodeCount()).isEqualTo(3482);
    assertThat(g.edgeCount()).isEqualTo(4485);
    // SOURCE.md: 88.1 km of highway linestrings as osmium exports them (it drops ways with missing
    // nodes, which this reader keeps in parts), including 200-odd non-walkable ways.
    assertThat(g.totalLengthMeters()).isCloseTo(89_224.9, offset(LENGTH_TOLERANCE_M));
    long lit = d.streets().stream().filter(s -> s.lit() == Lit.YES).count();
    assertThat(lit).isBetween(1000L, 1611L);
    assertThat(d.streets())
        .extracting(StreetSegment::highway)
        .doesNotContain("platform", "construction", "motorway");
  }
}
