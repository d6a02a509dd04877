package se.tryggkarta.route.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

class OsmNetworkReaderTest {
  @TempDir Path dir;

  // Nodes 1-4 in a row; node 9 is referenced by way 11 but missing (a cut extract); node 5 is a
  // street lamp that also carries a traffic sign.
  static final String OSM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <osm version="0.6" generator="test">
        <node id="1" version="1" lat="58.0700" lon="11.8000"/>
        <node id="2" version="1" lat="58.0700" lon="11.8010"/>
        <node id="3" version="1" lat="58.0700" lon="11.8020"/>
        <node id="4" version="1" lat="58.0700" lon="11.8030"/>
        <node id="5" version="1" lat="58.0701" lon="11.8010">
          <tag k="highway" v="street_lamp"/><tag k="traffic_sign" v="SE:B1"/>
        </node>
        <way id="10" version="1">
          <nd ref="1"/><nd ref="2"/>
          <tag k="highway" v="residential"/><tag k="lit" v="yes"/><tag k="name" v="Storgatan"/>
        </way>
        <way id="11" version="1">
          <nd ref="2"/><nd ref="3"/><nd ref="9"/><nd ref="4"/>
          <tag k="highway" v="footway"/>
        </way>
        <way id="12" version="1">
          <nd ref="3"/><nd ref="4"/>
          <tag k="highway" v="footway"/><tag k="foot" v="no"/>
        </way>
        <way id="13" version="1">
          <nd ref="1"/><nd ref="4"/>
          <tag k="highway" v="motorway"/>
        </way>
      </osm>
      """;

  @Test
  void reads_walkable_ways_lamps_and_splits_ways_at_missing_nodes() throws IOException {
    Path f = dir.resolve("t.osm");
    Files.writeString(f, OSM, StandardCharsets.UTF_8);
    NetworkData d = OsmNetworkReader.read(f, NetworkFormat.OSM_XML);
    assertThat(d.streets())
        .extracting(StreetSegment::externalId)
        .containsExactly("osm-w10", "osm-w11-1");
    StreetSegment storgatan = d.streets().get(0);
    assertThat(storgatan.lit()).isEqualTo(Lit.YES);
    assertThat(storgatan.highway()).isEqualTo("residential");
    assertThat(storgatan.name()).contains("Storgatan");
    StreetSegment cut = d.streets().get(1);
    assertThat(cut.lit()).isEqualTo(Lit.UNKNOWN);
    // Nodes 2 and 3 remain before the gap; node 4 alone after it is not a line.
    assertThat(cut.geometryWgs84().getNumPoints()).isEqualTo(2);
    assertThat(d.lamps()).extracting(Lamp::externalId).containsExactly("osm-n5");
    assertThat(d.lamps().get(0).source()).isEqualTo("osm");
    assertThat(d.warnings()).anyMatch(w -> w.contains("missing"));
  }

  @Test
  void sniffs_xml_pbf_and_geojson_from_the_first_bytes() {
    byte[] xml = "<?xml version".getBytes(StandardCharsets.UTF_8);
    byte[] json = "  {\"type\"".getBytes(StandardCharsets.UTF_8);
    byte[] pbf = "\0\0\0\r\n\tOSMHeader".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(NetworkFormat.sniff(xml, xml.length)).isEqualTo(NetworkFormat.OSM_XML);
    assertThat(NetworkFormat.sniff(json, json.length)).isEqualTo(NetworkFormat.GEOJSON);
    assertThat(NetworkFormat.sniff(pbf, pbf.length)).isEqualTo(NetworkFormat.OSM_PBF);
    byte[] zip = "PK\3\4".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> NetworkFormat.sniff(zip, zip.length))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void a_broken_file_is_an_invalid_input_error_not_a_crash() throws IOException {
    Path f = dir.resolve("broken.osm.pbf");
    Files.write(
        f, new byte[] {0, 0, 0, 13, 10, 9, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r', 1, 2});
    assertThatThrownBy(() -> OsmNetworkReader.read(f, NetworkFormat.OSM_PBF))
        .isInstanceOf(DomainException.class);
    Path x = dir.resolve("broken.osm");
    Files.writeString(x, "<osm version=\"0.6\"><node id=");
    assertThatThrownBy(() -> OsmNetworkReader.read(x, NetworkFormat.OSM_XML))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void geojson_lines_are_read_with_the_attribute_mapping() throws IOException {
    Path f = dir.resolve("roads.geojson");
    Files.writeString(
        f,
        """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"GID":"a1","KLASS":"gc-väg","BELYST":"ja","NAMN":"Ågatan"},
           "geometry":{"type":"LineString","coordinates":[[11.80,58.07],[11.81,58.07]]}},
          {"type":"Feature","properties":{"GID":"a2","BELYST":"nej"},
           "geometry":{"type":"MultiLineString","coordinates":[[[11.81,58.07],[11.82,58.07]],[[11.82,58.07],[11.82,58.08]]]}},
          {"type":"Feature","properties":{"GID":"p"},"geometry":{"type":"Point","coordinates":[11.8,58.0]}}
        ]}
        """,
        StandardCharsets.UTF_8);
    NetworkData d =
        GeoJsonLineReader.read(f, new AttributeMapping("GID", "KLASS", "BELYST", "NAMN", "gata"));
    assertThat(d.streets())
        .extracting(StreetSegment::externalId)
        .containsExactly("a1", "a2-1", "a2-2");
    assertThat(d.streets().get(0).highway()).isEqualTo("gc-väg");
    assertThat(d.streets().get(0).lit()).isEqualTo(Lit.YES);
    assertThat(d.streets().get(0).name()).contains("Ågatan");
    assertThat(d.streets().get(1).highway()).isEqualTo("gata");
    assertThat(d.streets().get(1).lit()).isEqualTo(Lit.NO);
    assertThat(d.warnings()).hasSize(1);
  }
}
