package se.tryggkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.n52.jackson.datatype.jts.JtsModule;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;
import org.openstreetmap.osmosis.xml.common.CompressionMethod;
import org.openstreetmap.osmosis.xml.v0_6.XmlReader;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;

/**
 * The files in {@code geodata/exempelby} are exactly what the generator writes, and read back (by
 * Jackson, JTS and Osmosis as independent readers) to the generator's records.
 */
class ExempelbyFilesTest {
  /** Maven runs tests in the project directory, where the committed files are. */
  private static final Path COMMITTED = Path.of("geodata", "exempelby");

  private static final Path GEODATA_README = Path.of("geodata", "README.md");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JtsModule());

  private final ExempelbyData data = ExempelbyGenerator.data();

  @TempDir Path dir;

  @Test
  void regeneratingGivesByteIdenticalFilesToTheCommittedOnes() throws IOException {
    ExempelbyFiles.write(ExempelbyGenerator.generate(), dir);
    for (String name : ExempelbyFiles.FILE_NAMES) {
      assertThat(Files.mismatch(dir.resolve(name), COMMITTED.resolve(name)))
          .as(
              "%s differs from the committed file at this byte; run 'tryggkarta demo write-files"
                  + " geodata/exempelby' and review the diff",
              name)
          .isEqualTo(-1L);
    }
    try (Stream<Path> files = Files.list(COMMITTED)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(ExempelbyFiles.FILE_NAMES);
    }
  }

  @Test
  void geodataReadmeDocumentsEveryFileInGeodata() throws IOException {
    String readme = Files.readString(GEODATA_README);
    Path root = GEODATA_README.getParent();
    try (Stream<Path> files = Files.walk(root)) {
      List<String> names =
          files
              .filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(n -> !n.equals("README.md"))
              .toList();
      assertThat(names).isNotEmpty();
      for (String name : names) {
        assertThat(readme).as("geodata/README.md mentions " + name).contains(name);
      }
    }
    assertThat(readme).contains("CC0", "synthetic", "ExempelbyGenerator", "20240601");
  }

  @Test
  void incidentsCsvReadsBackToTheGeneratedIncidents() throws IOException {
    ExempelbyFiles.write(data, dir);
    List<String> lines = Files.readAllLines(dir.resolve("incidents.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("id,occurred_at,category,weight,lon,lat,synthetic");
    List<Incident> read = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(7);
      read.add(
          new Incident(
              f[0],
              new LonLat(Double.parseDouble(f[4]), Double.parseDouble(f[5])),
              Instant.parse(f[1]),
              f[2],
              Double.parseDouble(f[3]),
              Map.of("synthetic", Boolean.parseBoolean(f[6]))));
    }
    assertThat(read).isEqualTo(data.incidents());
  }

  @Test
  void lampsCsvReadsBackToTheGeneratedLamps() throws IOException {
    ExempelbyFiles.write(data, dir);
    List<String> lines = Files.readAllLines(dir.resolve("lamps.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo("id,status,power_w,lumens,installed_on,source,lon,lat,synthetic");
    List<Lamp> read = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(9);
      read.add(
          new Lamp(
              f[0],
              new LonLat(Double.parseDouble(f[6]), Double.parseDouble(f[7])),
              LampStatus.parse("status", f[1]),
              f[2].isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(f[2])),
              f[3].isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(f[3])),
              f[4].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(f[4])),
              f[5],
              Map.of("synthetic", Boolean.parseBoolean(f[8]))));
    }
    assertThat(read).isEqualTo(data.lamps());
  }

  @Test
  void geojsonFilesReadBackToTheGeneratedRecords() throws IOException {
    ExempelbyFiles.write(data, dir);
    List<UnsafePlace> reports = new ArrayList<>();
    for (JsonNode f : features("unsafe-places.geojson")) {
      JsonNode p = f.get("properties");
      Geometry g = JSON.treeToValue(f.get("geometry"), Geometry.class);
      reports.add(
          new UnsafePlace(
              f.get("id").asText(),
              new LonLat(g.getCoordinate().x, g.getCoordinate().y),
              Instant.parse(p.get("reported_at").asText()),
              p.get("category").asText(),
              p.get("source").asText(),
              Optional.ofNullable(p.get("comment")).map(JsonNode::asText),
              Map.of("synthetic", p.get("synthetic").asBoolean())));
    }
    assertThat(reports).isEqualTo(data.unsafePlaces());

    List<StreetSegment> streets = new ArrayList<>();
    for (JsonNode f : features("streets.geojson")) {
      JsonNode p = f.get("properties");
      streets.add(
          new StreetSegment(
              f.get("id").asText(),
              (org.locationtech.jts.geom.LineString)
                  JSON.treeToValue(f.get("geometry"), Geometry.class),
              p.get("highway").asText(),
              Lit.fromTag(p.get("lit").asText()),
              Optional.ofNullable(p.get("name")).map(JsonNode::asText),
              Map.of("synthetic", p.get("synthetic").asBoolean())));
    }
    assertThat(streets).hasSameSizeAs(data.streets());
    for (int k = 0; k < streets.size(); k++) {
      StreetSegment a = streets.get(k);
      StreetSegment b = data.streets().get(k);
      assertThat(a.geometryWgs84().equalsExact(b.geometryWgs84())).as(b.externalId()).isTrue();
      assertThat(List.of(a.externalId(), a.highway(), a.lit(), a.name(), a.extra()))
          .isEqualTo(List.of(b.externalId(), b.highway(), b.lit(), b.name(), b.extra()));
    }

    List<JsonNode> places = features("places.geojson");
    assertThat(places).hasSize(data.places().size());
    for (int k = 0; k < places.size(); k++) {
      Place expected = data.places().get(k);
      Geometry g = JSON.treeToValue(places.get(k).get("geometry"), Geometry.class);
      assertThat(g.equalsExact(expected.geometryWgs84())).isTrue();
      assertThat(places.get(k).get("properties").get("name").asText()).isEqualTo(expected.name());
    }
  }

  @Test
  void osmFileReadsWithOsmosisAsTaggedWaysOverSharedNodesAndStreetLamps() {
    ExempelbyFiles.write(data, dir);
    Map<Long, Node> nodes = new HashMap<>();
    List<Way> ways = new ArrayList<>();
    XmlReader reader =
        new XmlReader(dir.resolve("streets.osm").toFile(), false, CompressionMethod.None);
    reader.setSink(
        new Sink() {
          @Override
          public void initialize(Map<String, Object> metaData) {}

          @Override
          public void process(EntityContainer c) {
            if (c.getEntity() instanceof Node n) {
              nodes.put(n.getId(), n);
            } else if (c.getEntity() instanceof Way w) {
              ways.add(w);
            }
          }

          @Override
          public void complete() {}

          @Override
          public void close() {}
        });
    reader.run();

    assertThat(ways).hasSameSizeAs(data.streets());
    for (int k = 0; k < ways.size(); k++) {
      Way w = ways.get(k);
      StreetSegment s = data.streets().get(k);
      Map<String, String> tags = tags(w.getTags());
      assertThat(tags)
          .containsEntry("highway", s.highway())
          .containsEntry("ref:tryggkarta", s.externalId());
      assertThat(Optional.ofNullable(tags.get("name"))).isEqualTo(s.name());
      assertThat(Lit.fromTag(tags.get("lit"))).isEqualTo(s.lit());
      Coordinate[] cs = s.geometryWgs84().getCoordinates();
      assertThat(w.getWayNodes()).hasSize(cs.length);
      for (int i = 0; i < cs.length; i++) {
        WayNode wn = w.getWayNodes().get(i);
        Node n = nodes.get(wn.getNodeId());
        assertThat(n).as("node %d of %s", wn.getNodeId(), s.externalId()).isNotNull();
        assertThat(n.getLongitude()).isEqualTo(cs[i].x);
        assertThat(n.getLatitude()).isEqualTo(cs[i].y);
      }
    }
    long lampNodes =
        nodes.values().stream()
            .filter(n -> "street_lamp".equals(tags(n.getTags()).get("highway")))
            .count();
    long builtLamps = data.lamps().stream().filter(l -> l.status() != LampStatus.PLANNED).count();
    assertThat(lampNodes).isEqualTo(builtLamps);
  }

  private List<JsonNode> features(String file) throws IOException {
    JsonNode fc = JSON.readTree(dir.resolve(file).toFile());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    List<JsonNode> out = new ArrayList<>();
    fc.get("features").forEach(out::add);
    return out;
  }

  private static Map<String, String> tags(java.util.Collection<Tag> tags) {
    Map<String, String> m = new HashMap<>();
    for (Tag t : tags) {
      m.put(t.getKey(), t.getValue());
    }
    return m;
  }
}
