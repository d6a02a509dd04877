package se.tryggkarta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryCombiner;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.Fixtures;
import se.tryggkarta.common.Crs;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.store.geopackage.SqliteGeoPackageFiles;
import se.tryggkarta.workspace.Workspace;

/**
 * Real data: workspaces for Kungälv, Ale and Stenungsund+Orust+Tjörn built from SCB's municipality
 * boundaries (CC0, test fixture {@code sweden-kommuner}), and the Swedish Police events of the
 * Göteborg/Bohuslän subset (test fixture {@code polisen-events}) imported into each with
 * onInvalid=skip. The events sit on municipality centroids, so whole municipalities' events fall
 * outside a workspace: the oracle is a direct JTS distance from each event's position to the
 * boundary in SWEREF 99 TM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolisenImportIT {
  static final Path EVENTS = Fixtures.POLISEN_GOTEBORG_BOHUSLAN;
  static final Path KOMMUNER = Fixtures.SCB_KOMMUNER_WGS84;

  @TempDir static Path dir;
  GeoPackageStore store;
  ImportService imports;
  Map<String, Geometry> municipalities;
  List<Map<String, String>> events;

  @BeforeAll
  void load() throws IOException {
    store = GeoPackageStore.open(dir.resolve("real.gpkg"));
    imports = new ImportService(store, store, new SqliteGeoPackageFiles());
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JtsModule(new GeometryFactory(new PrecisionModel(), 4326)));
    municipalities = new HashMap<>();
    for (JsonNode f : json.readTree(KOMMUNER.toFile()).get("features")) {
      municipalities.put(
          f.at("/properties/name").asText(), json.treeToValue(f.get("geometry"), Geometry.class));
    }
    try (var it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(EVENTS.toFile())) {
      events = it.readAll();
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  private Geometry union(String... names) {
    List<Geometry> parts = new ArrayList<>();
    for (String n : names) {
      assertThat(municipalities).containsKey(n);
      parts.add(municipalities.get(n));
    }
    Geometry u = GeometryCombiner.combine(parts).union();
    u.setSRID(4326);
    return u;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "kungalv, Kungälv, Kungälv",
    "ale, Ale, Ale",
    "stenungsund-orust-tjorn, Stenungsund Orust Tjörn, Stenungsund;Orust;Tjörn"
  })
  void police_events_outside_the_municipalities_are_rejected_and_explained(
      String id, String name, String members) throws IOException {
    String[] names = members.split(";");
    Geometry boundary = union(names);
    store.createWorkspace(Workspace.of(id, name).withBoundary(boundary));

    ImportReport report;
    try (InputStream in = Files.newInputStream(EVENTS)) {
      report =
          imports.importFile(
              id, Layer.INCIDENTS, in, ImportOptions.parse(Map.of("onInvalid", "skip")));
    }

    // Oracle: each event's distance to the boundary, straight from JTS in SWEREF 99 TM.
    Crs sweref = Crs.sweref99tm();
    Geometry boundaryXY = sweref.fromWgs84(boundary);
    GeometryFactory f = new GeometryFactory(new PrecisionModel(), 4326);
    Set<String> expectedIds = new TreeSet<>();
    Map<String, Integer> outsideByLocation = new HashMap<>();
    for (Map<String, String> e : events) {
      Geometry p =
          sweref.fromWgs84(
              f.createPoint(
                  new Coordinate(
                      Double.parseDouble(e.get("longitude")),
                      Double.parseDouble(e.get("latitude")))));
      if (boundaryXY.distance(p) <= ImportOptions.DEFAULT_BOUNDARY_TOLERANCE_METERS) {
        expectedIds.add(e.get("id"));
      } else {
        outsideByLocation.merge(e.get("location_name"), 1, Integer::sum);
      }
    }
    Set<String> storedIds =
        Samples.stored(store, id, Layer.INCIDENTS).stream()
            .map(LayerRecord::externalId)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(report.read()).isEqualTo(events.size());
    assertThat(storedIds).isEqualTo(expectedIds);
    assertThat(report.inserted()).isEqualTo(expectedIds.size());
    assertThat(report.rejected()).isEqualTo(events.size() - expectedIds.size());
    // every event of the workspace's own municipalities whose centroid is inside is kept; the
    // events of other municipalities are all rejected
    Set<String> own = Set.of(names);
    for (Map<String, String> e : events) {
      if (!own.contains(e.get("location_name"))) {
        assertThat(storedIds).doesNotContain(e.get("id"));
      }
    }
    // the report says which records fall outside and why
    assertThat(report.errors()).hasSize(Math.min(100, (int) report.rejected()));
    assertThat(report.errors())
        .allSatisfy(
            err -> {
              assertThat(err.field()).isEqualTo("geometry");
              assertThat(err.reason()).contains("outside the workspace boundary");
            });
    for (var outside : outsideByLocation.entrySet()) {
      Map<String, String> sample =
          events.stream()
              .filter(e -> e.get("location_name").equals(outside.getKey()))
              .findFirst()
              .orElseThrow();
      String position =
          String.format(
              Locale.ROOT,
              "%.5f,%.5f",
              Double.parseDouble(sample.get("longitude")),
              Double.parseDouble(sample.get("latitude")));
      assertThat(report.warnings())
          .as("warning for %s", outside.getKey())
          .anySatisfy(
              w ->
                  assertThat(w)
                      .startsWith(outside.getValue() + " record(s) at " + position)
                      .contains("outside the workspace boundary"));
      if (outside.getValue() > 1) {
        assertThat(report.warnings())
            .anySatisfy(
                w ->
                    assertThat(w)
                        .startsWith(outside.getValue() + " record(s) at " + position)
                        .contains("administrative centroid"));
      }
    }
    if (expectedIds.size() >= 20) {
      assertThat(report.warnings())
          .anySatisfy(w -> assertThat(w).contains("look like administrative centroids"));
    }
  }
}
