package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.Fixtures;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.generated.client.ApiClient;
import se.tryggkarta.generated.client.ApiException;
import se.tryggkarta.generated.client.api.HotspotsApi;
import se.tryggkarta.generated.client.api.LayersApi;
import se.tryggkarta.generated.client.api.WorkspacesApi;
import se.tryggkarta.generated.client.model.DensityGrid;
import se.tryggkarta.generated.client.model.Feature;
import se.tryggkarta.generated.client.model.FeatureCollection;
import se.tryggkarta.generated.client.model.Geometry;
import se.tryggkarta.generated.client.model.ImportReport;
import se.tryggkarta.generated.client.model.Problem;
import se.tryggkarta.generated.client.model.Workspace;

/**
 * The Java client the build generates from {@code /openapi.json} (openapi-generator, {@code java}
 * with the {@code native} library, package {@code se.tryggkarta.generated.client}) against the real
 * service with its real access policy: a document a generator misreads fails here, either at
 * compile time (a model that does not compile, an operation that is missing) or at run time (a
 * parameter sent under the wrong name, a response that does not parse into its declared schema).
 * Values the client reads are checked against a second route or the raw JSON, not just for being
 * there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {
  static final String DEMO = ExempelbyGenerator.WORKSPACE_ID;
  static final String YEAR_FROM = "2024-01-01";
  static final String YEAR_TO = "2025-01-01";

  /** Polisen gives positions to five decimals; GeoJSON round-trips them to within this. */
  static final double DEGREES_TOLERANCE = 1e-9;

  @TempDir static Path dir;
  TestServer server;
  String adminKey;
  ApiClient admin;
  ApiClient anonymous;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    server.wiring().installDemo();
    adminKey = server.wiring().keys().ensureAdmin(Optional.empty()).orElseThrow();
    admin = client(Optional.of(adminKey));
    anonymous = client(Optional.empty());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private ApiClient client(Optional<String> key) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(server.base());
    key.ifPresent(k -> client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + k)));
    return client;
  }

  @Test
  void listWorkspaces_shows_the_public_demo_to_everyone_and_a_private_workspace_to_the_admin_only()
      throws ApiException {
    new WorkspacesApi(admin).createWorkspace(new Workspace().id("stenungsund").name("Stenungsund"));

    List<String> seenByAdmin = ids(new WorkspacesApi(admin).listWorkspaces().getWorkspaces());
    List<String> seenByPublic = ids(new WorkspacesApi(anonymous).listWorkspaces().getWorkspaces());

    assertThat(seenByAdmin).contains(DEMO, "stenungsund");
    assertThat(seenByPublic).contains(DEMO).doesNotContain("stenungsund");
  }

  @Test
  void createWorkspace_answers_the_workspace_with_the_documented_defaults() throws ApiException {
    Workspace created =
        new WorkspacesApi(admin).createWorkspace(new Workspace().id("kungalv").name("Kungälv"));

    assertThat(created.getId()).isEqualTo("kungalv");
    assertThat(created.getName()).isEqualTo("Kungälv");
    assertThat(created.getCrs()).isEqualTo("EPSG:3006");
    assertThat(created.getTimeZone()).isEqualTo("Europe/Stockholm");
    assertThat(created.getPublic()).isFalse();
    assertThat(new WorkspacesApi(admin).getWorkspace("kungalv").getName()).isEqualTo("Kungälv");
  }

  @Test
  void a_workspace_read_with_getWorkspace_can_be_written_back_with_updateWorkspace()
      throws ApiException {
    WorkspacesApi workspaces = new WorkspacesApi(admin);
    workspaces.createWorkspace(new Workspace().id("orust").name("Orust"));
    Workspace read = workspaces.getWorkspace("orust");

    workspaces.updateWorkspace("orust", read.name("Orust kommun"));

    assertThat(read.getCategoryNames()).as("the read-only table went out again").isNotEmpty();
    Workspace again = workspaces.getWorkspace("orust");
    assertThat(again.getName()).isEqualTo("Orust kommun");
    assertThat(again.getCrs()).isEqualTo(read.getCrs());
    assertThat(again.getSettings()).isEqualTo(read.getSettings());
  }

  @Test
  void importLayer_stores_real_police_events_that_listLayerRecords_gives_back() throws Exception {
    new WorkspacesApi(admin).createWorkspace(new Workspace().id("ale").name("Ale"));
    List<PoliceEvent> events = policeEvents("Ale", 5);
    FeatureCollection upload =
        new FeatureCollection().type(FeatureCollection.TypeEnum.FEATURE_COLLECTION);
    events.forEach(e -> upload.addFeaturesItem(e.feature()));

    ImportReport report =
        new LayersApi(admin)
            .importLayer(
                "ale", "incidents", upload, null, null, null, null, null, null, null, null);
    FeatureCollection stored =
        new LayersApi(admin).listLayerRecords("ale", "incidents", null, null, null, null, 100, 0);

    assertThat(report.getInserted()).isEqualTo(events.size());
    assertThat(report.getRejected()).isZero();
    assertThat(stored.getFeatures()).hasSize(events.size());
    for (PoliceEvent e : events) {
      Feature f =
          stored.getFeatures().stream()
              .filter(s -> e.id().equals(s.getId()))
              .findFirst()
              .orElseThrow();
      List<Object> lonLat = f.getGeometry().getCoordinates();
      assertThat(((Number) lonLat.get(0)).doubleValue())
          .isCloseTo(e.lon(), within(DEGREES_TOLERANCE));
      assertThat(((Number) lonLat.get(1)).doubleValue())
          .isCloseTo(e.lat(), within(DEGREES_TOLERANCE));
      assertThat(f.getProperties())
          .containsEntry("category", e.category().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void getDensity_counts_the_same_events_as_the_layer_and_parses_the_whole_grid()
      throws ApiException {
    DensityGrid grid =
        new HotspotsApi(admin)
            .getDensity(
                DEMO,
                null,
                null,
                null,
                "incidents",
                YEAR_FROM,
                YEAR_TO,
                null,
                null,
                null,
                null,
                null,
                null,
                new BigDecimal("50"),
                "200",
                null,
                null,
                null,
                null,
                null);
    Integer inLayer =
        new LayersApi(admin)
            .listLayerRecords(DEMO, "incidents", null, YEAR_FROM, YEAR_TO, null, 1, 0)
            .getNumberMatched();
    JsonNode raw =
        TestServer.json(
            server
                .as(Optional.of(adminKey))
                .get(
                    "/api/workspaces/"
                        + DEMO
                        + "/hotspots/density?layer=incidents&from="
                        + YEAR_FROM
                        + "&to="
                        + YEAR_TO
                        + "&cell=50&bandwidth=200"));

    assertThat(grid.getEvents()).isPositive().isEqualTo(inLayer);
    assertThat(grid.getBandwidthMeters()).isEqualByComparingTo("200");
    assertThat(grid.getCellSizeMeters()).isEqualByComparingTo("50");
    assertThat(grid.getValues()).hasSize(grid.getNx() * grid.getNy());
    assertThat(grid.getMax())
        .isEqualByComparingTo(grid.getValues().stream().max(BigDecimal::compareTo).orElseThrow());
    assertThat(grid.getValues().get(grid.getValues().size() / 2).doubleValue())
        .isEqualTo(raw.get("values").get(grid.getValues().size() / 2).asDouble());
  }

  @Test
  void getGiStar_gives_hexagons_whose_counts_add_up_to_the_events_with_valid_p_values()
      throws ApiException {
    FeatureCollection hexagons =
        new HotspotsApi(admin)
            .getGiStar(
                DEMO,
                null,
                null,
                null,
                "incidents",
                YEAR_FROM,
                YEAR_TO,
                null,
                null,
                null,
                null,
                null,
                null,
                new BigDecimal("150"),
                "300",
                null,
                null,
                null,
                null);
    Integer inLayer =
        new LayersApi(admin)
            .listLayerRecords(DEMO, "incidents", null, YEAR_FROM, YEAR_TO, null, 1, 0)
            .getNumberMatched();

    long counted = 0;
    boolean anyHot = false;
    for (Feature hexagon : hexagons.getFeatures()) {
      Map<String, Object> p = hexagon.getProperties();
      counted += ((Number) p.get("count")).longValue();
      assertThat(((Number) p.get("p")).doubleValue()).isBetween(0.0, 1.0);
      anyHot |= String.valueOf(p.get("class")).startsWith("hot-");
    }
    assertThat(hexagons.getFeatures()).isNotEmpty();
    assertThat(counted).isEqualTo(inLayer.longValue());
    assertThat(anyHot).as("the demo town's clusters are hot spots").isTrue();
  }

  @Test
  void a_negative_bandwidth_is_an_ApiException_400_with_an_invalid_input_problem() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                new HotspotsApi(admin)
                    .getDensity(
                        DEMO,
                        null,
                        null,
                        null,
                        "incidents",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "-200",
                        null,
                        null,
                        null,
                        null,
                        null));

    assertThat(e.getCode()).isEqualTo(400);
    assertThat(e.getResponseHeaders().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    Problem problem = problem(e);
    assertThat(problem.getType()).isEqualTo("urn:tryggkarta:problem:invalid-input");
    assertThat(problem.getStatus()).isEqualTo(400);
  }

  @Test
  void the_public_may_not_filter_a_public_workspace_freely_and_gets_a_400_problem() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () ->
                new HotspotsApi(anonymous)
                    .getGiStar(
                        DEMO,
                        null,
                        null,
                        null,
                        "incidents",
                        YEAR_FROM,
                        YEAR_TO,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));

    assertThat(e.getCode()).isEqualTo(400);
    assertThat(problem(e).getType()).startsWith("urn:tryggkarta:problem:");
  }

  @Test
  void an_unknown_workspace_is_an_ApiException_404_with_a_not_found_problem() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> new WorkspacesApi(admin).getWorkspace("finns-inte"));

    assertThat(e.getCode()).isEqualTo(404);
    assertThat(problem(e).getType()).isEqualTo("urn:tryggkarta:problem:not-found");
  }

  private Problem problem(ApiException e) {
    try {
      return admin.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    } catch (IOException io) {
      throw new AssertionError("not a problem document: " + e.getResponseBody(), io);
    }
  }

  private static List<String> ids(List<Workspace> workspaces) {
    return workspaces.stream().map(Workspace::getId).toList();
  }

  /** One row of Polisen's events fixture: a municipality centroid, a time and an event type. */
  record PoliceEvent(
      String id, OffsetDateTime occurredAt, String category, double lon, double lat) {
    Feature feature() {
      return new Feature()
          .type(Feature.TypeEnum.FEATURE)
          .id(id)
          .geometry(new Geometry().type("Point").coordinates(List.of(lon, lat)))
          .properties(Map.of("occurred_at", occurredAt.toString(), "category", category));
    }
  }

  /** The first {@code n} events the fixture places in one municipality, in file order. */
  static List<PoliceEvent> policeEvents(String municipality, int n) throws IOException {
    DateTimeFormatter polisen = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm:ss xxx");
    CsvMapper csv = new CsvMapper();
    List<PoliceEvent> events = new ArrayList<>();
    try (MappingIterator<Map<String, String>> rows =
        csv.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(Fixtures.POLISEN_GOTEBORG_BOHUSLAN.toFile())) {
      while (rows.hasNext() && events.size() < n) {
        Map<String, String> row = rows.next();
        if (row.get("location_name").equals(municipality)) {
          events.add(
              new PoliceEvent(
                  "polisen-" + row.get("id"),
                  OffsetDateTime.parse(row.get("datetime"), polisen),
                  row.get("type"),
                  Double.parseDouble(row.get("longitude")),
                  Double.parseDouble(row.get("latitude"))));
        }
      }
    }
    assertThat(events).as("events in %s", municipality).hasSize(n);
    return events;
  }
}
