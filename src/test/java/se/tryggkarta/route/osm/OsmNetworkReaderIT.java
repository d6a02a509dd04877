package se.tryggkarta.route.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.tryggkarta.route.graph.StreetGraph;

class OsmNetworkReaderIT {
  static final Path DATA = Path.of("../shared/data");

  @Test
  void probe() {
    for (String f :
        new String[] {
          "osm-stockholm-sodermalm/stockholm-sodermalm.osm.pbf",
          "osm-helsinki-centre/helsinki-centre.osm.pbf"
        }) {
      NetworkData d = OsmNetworkReader.read(DATA.resolve(f), NetworkFormat.OSM_PBF);
      StreetGraph g = StreetGraph.build(d.streets(), java.util.List.of(), java.util.List.of());
      System.err.println(
          f
              + " streets="
              + d.streets().size()
              + " lamps="
              + d.lamps().size()
              + " nodes="
              + g.nodeCount()
              + " edges="
              + g.edgeCount()
              + " len="
              + g.totalLengthMeters()
              + " warn="
              + d.warnings());
      assertThat(d.streets()).isNotEmpty();
    }
  }
}
