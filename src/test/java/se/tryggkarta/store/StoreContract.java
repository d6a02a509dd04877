package se.tryggkarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.document.StoredDocument;
import se.tryggkarta.finding.StoredPhoto;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Page;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.workspace.CategoryName;
import se.tryggkarta.workspace.PublicPrivacy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettings;

/**
 * The one contract every {@link Store} keeps, run against each implementation by a subclass that
 * supplies an empty store. Oracles: write-then-read round trips, and brute-force filtering in Java
 * of a seeded random data set for every query filter.
 */
public abstract class StoreContract {
  protected static final String WS = "kungalv";
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final List<String> CATEGORIES = List.of("theft", "assault", "vandalism", "drugs");

  protected Store store;

  /** A new, empty store; each test gets its own. */
  protected abstract Store newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // ---------------------------------------------------------------- workspaces

  @Test
  void createdWorkspaceIsFoundAndListedWithAllItsFields() {
    Workspace full =
        new Workspace(
            "stenungsund",
            "Stenungsund, Orust och Tjörn",
            Crs.of(3007),
            Optional.of(wkt("POLYGON ((11.8 58.0, 11.9 58.0, 11.9 58.1, 11.8 58.1, 11.8 58.0))")),
            java.time.ZoneId.of("Europe/Helsinki"),
            true,
            new PublicPrivacy(7, 250),
            new WorkspaceSettings(
                new HourWindow(20, 5),
                Map.of("misshandel", new CategoryName("Misshandel", "Assault"))));
    store.createWorkspace(full);
    store.createWorkspace(Workspace.of("ale", "Ale"));

    Workspace found = store.findWorkspace("stenungsund").orElseThrow();
    assertThat(found.boundaryWgs84().orElseThrow().equalsExact(full.boundaryWgs84().get()))
        .isTrue();
    assertThat(withoutBoundary(found)).isEqualTo(withoutBoundary(full));
    assertThat(found.settings().night().text()).isEqualTo("20-05");
    assertThat(store.listWorkspaces())
        .extracting(Workspace::id)
        .containsExactly("ale", "stenungsund");
    assertThat(store.findWorkspace("nowhere")).isEmpty();
  }

  @Test
  void creatingAWorkspaceWithATakenIdIsAConflictAndKeepsTheFirst() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    assertThatThrownBy(() -> store.createWorkspace(Workspace.of(WS, "Another")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(store.findWorkspace(WS).orElseThrow().name()).isEqualTo("Kungälv");
  }

  @Test
  void updateReplacesTheFieldsAndUnknownWorkspaceIsNotFound() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    Workspace changed =
        Workspace.of(WS, "Kungälvs kommun")
            .withPublicAccess(true)
            .withBoundary(wkt("POLYGON ((11 57, 12 57, 12 58, 11 58, 11 57))"));
    store.updateWorkspace(
        changed.withSettings(WorkspaceSettings.DEFAULT.withNight(new HourWindow(22, 6))));
    Workspace found = store.findWorkspace(WS).orElseThrow();
    assertThat(found.settings().night()).isEqualTo(new HourWindow(22, 6));
    assertThat(found.name()).isEqualTo("Kungälvs kommun");
    assertThat(found.publicAccess()).isTrue();
    assertThat(found.boundaryWgs84()).isPresent();

    store.updateWorkspace(Workspace.of(WS, "Kungälv"));
    assertThat(store.findWorkspace(WS).orElseThrow().boundaryWgs84()).isEmpty();

    assertThatThrownBy(() -> store.updateWorkspace(Workspace.of("nowhere", "X")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    assertThat(store.findWorkspace("nowhere")).isEmpty();
  }

  @Test
  void deletingAWorkspaceDeletesItsRecordsAndDocumentsButNotOtherWorkspaces() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    store.createWorkspace(Workspace.of("ale", "Ale"));
    for (String ws : List.of(WS, "ale")) {
      write(ws, incident("a", 11.98, 57.87, T0, "theft"));
      store.putDocument("commitments", ws, "c1", "{\"title\":\"Lighting\"}");
    }
    store.putDocument("keys", DocumentStore.GLOBAL, "k1", "{}");

    assertThat(store.deleteWorkspace(WS)).isTrue();
    assertThat(store.deleteWorkspace(WS)).isFalse();

    assertThat(store.findWorkspace(WS)).isEmpty();
    assertNotFound(() -> store.findRecord(WS, Layer.INCIDENTS, "a"));
    assertThat(store.listDocuments("commitments", WS)).isEmpty();
    assertThat(store.findRecord("ale", Layer.INCIDENTS, "a")).isPresent();
    assertThat(store.listDocuments("commitments", "ale")).hasSize(1);
    assertThat(store.findDocument("keys", DocumentStore.GLOBAL, "k1")).isPresent();

    store.createWorkspace(Workspace.of(WS, "Kungälv again"));
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).total()).isZero();
  }

  // ---------------------------------------------------------------- records

  @Test
  void everyLayersRecordsRoundTripWithOptionalFieldsPresentAndAbsent() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("source_id", "E-17");
    extra.put("count", 3);
    extra.put("share", 0.25);
    extra.put("verified", true);
    List<LayerRecord> records =
        List.of(
            new Incident(
                "i1",
                new LonLat(11.9812345678901, 57.8712345678901),
                Instant.parse("2024-03-01T22:15:00.123Z"),
                "theft",
                2.5,
                extra),
            new Incident("i2", new LonLat(-0.5, -33.25), T0, "assault", 0, Map.of()),
            new UnsafePlace(
                "u1",
                new LonLat(11.99, 57.88),
                T0,
                "darkness",
                "dialogue-2024",
                Optional.of("Mörkt vid\tstationen,\nsärskilt \\ på kvällen\r"),
                Map.of()),
            new UnsafePlace(
                "u2", new LonLat(11.99, 57.88), T0, "drugs", "survey", Optional.empty(), extra),
            new Lamp(
                "l1",
                new LonLat(11.97, 57.86),
                LampStatus.BROKEN,
                OptionalDouble.of(45.5),
                OptionalDouble.of(4200),
                Optional.of(LocalDate.parse("2019-10-31")),
                "inventory",
                Map.of()),
            new Lamp(
                "l2",
                new LonLat(11.97, 57.86),
                LampStatus.PLANNED,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                "osm",
                extra),
            new Place(
                "p1",
                "Resecentrum",
                wkt(
                    "MULTIPOLYGON (((11.9 57.8, 11.91 57.8, 11.91 57.81, 11.9 57.8)),"
                        + " ((12 58, 12.1 58, 12.1 58.1, 12 58)))"),
                Map.of()),
            new Place("p2", "Torget", wkt("POINT (11.95 57.85)"), extra),
            new StreetSegment(
                "s1",
                (LineString) wkt("LINESTRING (11.9 57.8, 11.91 57.81, 11.92 57.8)"),
                "footway",
                Lit.NO,
                Optional.of("Västra gatan"),
                Map.of()),
            new StreetSegment(
                "s2",
                (LineString) wkt("LINESTRING (11.9 57.8, 11.95 57.85)"),
                "residential",
                Lit.UNKNOWN,
                Optional.empty(),
                extra));
    for (Layer layer : Layer.values()) {
      List<LayerRecord> ofLayer = records.stream().filter(r -> r.layer() == layer).toList();
      write(WS, ofLayer.toArray(LayerRecord[]::new));
      for (LayerRecord r : ofLayer) {
        LayerRecord back = store.findRecord(WS, layer, r.externalId()).orElseThrow();
        assertThat(back).as(r.externalId()).isEqualTo(r);
        assertThat(back.geometryWgs84().equalsExact(r.geometryWgs84())).isTrue();
      }
      assertThat(store.query(WS, layer, LayerQuery.ALL).items()).containsExactlyElementsOf(ofLayer);
    }
  }

  @Test
  void recordsComeOrderedByExternalIdInCodePointOrder() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    List<String> ids = List.of("b", "B", "a-2", "a_1", "a10", "a9", "é", "Z", "0");
    write(
        WS, ids.stream().map(id -> incident(id, 12, 58, T0, "theft")).toArray(LayerRecord[]::new));
    List<String> expected = ids.stream().sorted(Comparator.naturalOrder()).toList();
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).items())
        .extracting(LayerRecord::externalId)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void writerCommitCountsNewAndReplacedRecordsAndReimportIsIdempotent() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    WriteSummary first =
        write(WS, incident("a", 12, 58, T0, "theft"), incident("b", 12, 58, T0, "theft"));
    assertThat(first).isEqualTo(new WriteSummary(2, 0));

    Incident changedB = incident("b", 13, 59, T0.plusSeconds(60), "assault");
    WriteSummary second = write(WS, changedB, incident("c", 12, 58, T0, "theft"));
    assertThat(second).isEqualTo(new WriteSummary(1, 1));

    WriteSummary again = write(WS, changedB, incident("c", 12, 58, T0, "theft"));
    assertThat(again).isEqualTo(new WriteSummary(0, 2));

    Page<LayerRecord> all = store.query(WS, Layer.INCIDENTS, LayerQuery.ALL);
    assertThat(all.total()).isEqualTo(3);
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "b")).contains(changedB);
  }

  @Test
  void anIdWrittenTwiceInOneImportKeepsTheLastWrite() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    Incident last = incident("a", 13, 59, T0, "assault");
    WriteSummary s = write(WS, incident("a", 12, 58, T0, "theft"), last);
    assertThat(s.written()).isEqualTo(2);
    assertThat(s.inserted()).isEqualTo(1);
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "a")).contains(last);
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).total()).isEqualTo(1);
  }

  @Test
  void closingAWriterWithoutCommitStoresNothingAndLeavesTheVersion() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(WS, incident("kept", 12, 58, T0, "theft"));
    long version = store.dataVersion(WS);
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      for (int i = 0; i < 500; i++) {
        w.write(incident("new" + i, 12, 58, T0, "theft"));
      }
      w.write(incident("kept", 1, 1, T0, "changed"));
    }
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).items())
        .containsExactly(incident("kept", 12, 58, T0, "theft"));
    assertThat(store.dataVersion(WS)).isEqualTo(version);
  }

  @Test
  void anExceptionMidImportRollsBackEverythingWrittenBeforeIt() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    assertThatThrownBy(
            () -> {
              try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
                w.write(incident("a", 12, 58, T0, "theft"));
                w.write(lamp("wrong-layer"));
                w.commit();
              }
            })
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT));
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).total()).isZero();
  }

  @Test
  void aRejectedRecordCanBeSkippedAndTheRestCommitted() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      w.write(incident("a", 12, 58, T0, "theft"));
      assertThatThrownBy(() -> w.write(lamp("wrong-layer"))).isInstanceOf(DomainException.class);
      w.write(incident("b", 12, 58, T0, "theft"));
      assertThat(w.commit()).isEqualTo(new WriteSummary(2, 0));
    }
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).items())
        .extracting(LayerRecord::externalId)
        .containsExactly("a", "b");
  }

  @Test
  void findAndDeleteOneRecord() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(WS, incident("a", 12, 58, T0, "theft"), incident("b", 12, 58, T0, "theft"));
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "a")).isPresent();
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "zz")).isEmpty();
    assertThat(store.findRecord(WS, Layer.LAMPS, "a")).isEmpty();
    assertThat(store.deleteRecord(WS, Layer.INCIDENTS, "a")).isTrue();
    assertThat(store.deleteRecord(WS, Layer.INCIDENTS, "a")).isFalse();
    assertThat(store.findRecord(WS, Layer.INCIDENTS, "a")).isEmpty();
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).items())
        .extracting(LayerRecord::externalId)
        .containsExactly("b");
  }

  @Test
  void everyLayerOperationOnAnUnknownWorkspaceIsNotFound() {
    assertNotFound(() -> store.openWriter("nowhere", Layer.INCIDENTS));
    assertNotFound(() -> store.query("nowhere", Layer.INCIDENTS, LayerQuery.ALL));
    assertNotFound(() -> store.scan("nowhere", Layer.INCIDENTS, LayerQuery.ALL, r -> {}));
    assertNotFound(() -> store.findRecord("nowhere", Layer.INCIDENTS, "a"));
    assertNotFound(() -> store.deleteRecord("nowhere", Layer.INCIDENTS, "a"));
    assertNotFound(() -> store.dataVersion("nowhere"));
    assertNotFound(() -> store.putDocument("commitments", "nowhere", "c", "{}"));
  }

  @Test
  void recordsOfOneWorkspaceNeverShowInAnother() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    store.createWorkspace(Workspace.of("ale", "Ale"));
    write(WS, incident("a", 12, 58, T0, "theft"));
    assertThat(store.query("ale", Layer.INCIDENTS, LayerQuery.ALL).total()).isZero();
    assertThat(store.findRecord("ale", Layer.INCIDENTS, "a")).isEmpty();
    assertThat(store.deleteRecord("ale", Layer.INCIDENTS, "a")).isFalse();
  }

  // ---------------------------------------------------------------- filters (brute force oracle)

  @Test
  void bboxTimeAndCategoryFiltersMatchABruteForceFilter() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    List<Incident> data = randomIncidents(new Random(42), 600);
    write(WS, data.toArray(LayerRecord[]::new));
    Random r = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      LayerQuery q = LayerQuery.ALL;
      if (trial % 4 != 0) {
        double x0 = 11.8 + r.nextDouble() * 0.3;
        double y0 = 57.8 + r.nextDouble() * 0.15;
        q = q.withBbox(new Bbox(x0, y0, x0 + r.nextDouble() * 0.2, y0 + r.nextDouble() * 0.1));
      }
      if (trial % 3 != 0) {
        Instant from = T0.plus(Duration.ofHours(r.nextInt(24 * 300)));
        q = q.withTime(TimeRange.of(from, from.plus(Duration.ofHours(1 + r.nextInt(24 * 120)))));
      }
      if (trial % 2 != 0) {
        q =
            q.withCategories(
                new java.util.HashSet<>(
                    List.of(CATEGORIES.get(r.nextInt(4)), CATEGORIES.get(r.nextInt(4)))));
      }
      List<String> expected = bruteForce(data, q);
      Page<LayerRecord> page = store.query(WS, Layer.INCIDENTS, q);
      assertThat(page.total()).as("trial %d total", trial).isEqualTo(expected.size());
      assertThat(page.items())
          .extracting(LayerRecord::externalId)
          .as("trial %d", trial)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void openEndedTimeRangesAreHalfOpenAtTheMillisecond() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(
        WS,
        incident("before", 12, 58, T0.minusMillis(1), "theft"),
        incident("at", 12, 58, T0, "theft"),
        incident("after", 12, 58, T0.plusMillis(1), "theft"));
    assertIds(
        LayerQuery.ALL.withTime(new TimeRange(Optional.of(T0), Optional.empty())), "after", "at");
    assertIds(LayerQuery.ALL.withTime(new TimeRange(Optional.empty(), Optional.of(T0))), "before");
  }

  @Test
  void bboxEdgesAreInclusiveAndExact() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(
        WS,
        incident("on-min-corner", 11.9, 57.8, T0, "theft"),
        incident("on-max-edge", 12.0, 57.85, T0, "theft"),
        incident("just-outside", 12.000000001, 57.85, T0, "theft"),
        incident("just-below", 11.95, 57.799999999, T0, "theft"));
    assertIds(
        LayerQuery.ALL.withBbox(new Bbox(11.9, 57.8, 12.0, 57.9)), "on-max-edge", "on-min-corner");
  }

  @Test
  void bboxSelectsLinesAndPolygonsWhoseEnvelopeIntersectsIt() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(
        WS,
        new StreetSegment(
            "crossing",
            (LineString) wkt("LINESTRING (11.0 57.5, 13.0 57.5)"),
            "primary",
            Lit.YES,
            Optional.empty(),
            Map.of()),
        new StreetSegment(
            "far",
            (LineString) wkt("LINESTRING (14.0 57.5, 15.0 57.5)"),
            "primary",
            Lit.YES,
            Optional.empty(),
            Map.of()));
    Page<LayerRecord> page =
        store.query(WS, Layer.STREETS, LayerQuery.ALL.withBbox(new Bbox(11.9, 57.4, 12.1, 57.6)));
    assertThat(page.items()).extracting(LayerRecord::externalId).containsExactly("crossing");
  }

  @Test
  void categoryFiltersLampStatusAndStreetClass() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(WS, lamp("l1"), lampWith("l2", LampStatus.WORKING));
    Page<LayerRecord> broken =
        store.query(WS, Layer.LAMPS, LayerQuery.ALL.withCategories(Set.of("broken")));
    assertThat(broken.items()).extracting(LayerRecord::externalId).containsExactly("l1");
  }

  @Test
  void pagesConcatenateToTheFullOrderedResultAndCarryTheTotal() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    List<Incident> data = randomIncidents(new Random(3), 257);
    write(WS, data.toArray(LayerRecord[]::new));
    LayerQuery q = LayerQuery.ALL.withCategories(Set.of("theft", "drugs"));
    List<String> expected = bruteForce(data, q);
    List<String> paged = new ArrayList<>();
    for (long offset = 0; offset < expected.size() + 20; offset += 20) {
      Page<LayerRecord> page = store.query(WS, Layer.INCIDENTS, q.withPage(20, offset));
      assertThat(page.total()).isEqualTo(expected.size());
      assertThat(page.items().size()).isLessThanOrEqualTo(20);
      page.items().forEach(rec -> paged.add(rec.externalId()));
    }
    assertThat(paged).containsExactlyElementsOf(expected);
  }

  @Test
  void scanStreamsTheSameRecordsAsQueryInTheSameOrder() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    List<Incident> data = randomIncidents(new Random(5), 3000);
    write(WS, data.toArray(LayerRecord[]::new));
    LayerQuery q =
        LayerQuery.ALL
            .withBbox(new Bbox(11.85, 57.82, 12.05, 57.92))
            .withTime(TimeRange.of(T0, T0.plus(Duration.ofDays(200))));
    List<LayerRecord> scanned = new ArrayList<>();
    store.scan(WS, Layer.INCIDENTS, q, scanned::add);
    assertThat(scanned)
        .extracting(LayerRecord::externalId)
        .containsExactlyElementsOf(bruteForce(data, q));
    assertThat(scanned).containsExactlyElementsOf(store.query(WS, Layer.INCIDENTS, q).items());

    List<LayerRecord> limited = new ArrayList<>();
    store.scan(WS, Layer.INCIDENTS, q.withPage(10, 5), limited::add);
    assertThat(limited).containsExactlyElementsOf(scanned.subList(5, 15));
  }

  // ---------------------------------------------------------------- data version

  @Test
  void dataVersionChangesOnEveryWriteAndOnlyOnWrites() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    store.createWorkspace(Workspace.of("ale", "Ale"));
    List<Long> versions = new ArrayList<>();
    versions.add(store.dataVersion(WS));

    write(WS, incident("a", 12, 58, T0, "theft"));
    versions.add(store.dataVersion(WS));
    store.deleteRecord(WS, Layer.INCIDENTS, "a");
    versions.add(store.dataVersion(WS));
    store.putDocument("commitments", WS, "c1", "{}");
    versions.add(store.dataVersion(WS));
    store.deleteDocument("commitments", WS, "c1");
    versions.add(store.dataVersion(WS));
    store.updateWorkspace(Workspace.of(WS, "Renamed"));
    versions.add(store.dataVersion(WS));
    assertThat(versions).doesNotHaveDuplicates();

    long last = store.dataVersion(WS);
    store.query(WS, Layer.INCIDENTS, LayerQuery.ALL);
    store.findRecord(WS, Layer.INCIDENTS, "a");
    store.listDocuments("commitments", WS);
    assertThat(store.deleteRecord(WS, Layer.INCIDENTS, "none")).isFalse();
    write("ale", incident("x", 12, 58, T0, "theft"));
    store.putDocument("keys", DocumentStore.GLOBAL, "k", "{}");
    assertThat(store.dataVersion(WS)).isEqualTo(last);
  }

  @Test
  void dataVersionNeverRepeatsWhenAWorkspaceIsDeletedAndCreatedAgain() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(WS, incident("a", 12, 58, T0, "theft"));
    long before = store.dataVersion(WS);
    store.deleteWorkspace(WS);
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    long recreated = store.dataVersion(WS);
    assertThat(recreated).isNotEqualTo(before);
    write(WS, incident("a", 12, 58, T0, "theft"));
    assertThat(store.dataVersion(WS)).isNotIn(before, recreated);
  }

  // ---------------------------------------------------------------- documents

  @Test
  void documentsArePutReplacedFoundListedInIdOrderAndDeleted() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    Instant before = Instant.now().minusSeconds(5);
    store.putDocument("commitments", WS, "b", "{\"v\":1}");
    store.putDocument("commitments", WS, "a", "{\"v\":2}");
    store.putDocument("commitments", WS, "b", "{\"v\":3, \"text\":\"Trygghetsvandring\\t\"}");
    store.putDocument("activities", WS, "a", "{\"other\":true}");
    store.putDocument("commitments", DocumentStore.GLOBAL, "a", "{\"global\":true}");

    StoredDocument b = store.findDocument("commitments", WS, "b").orElseThrow();
    assertThat(b.json()).isEqualTo("{\"v\":3, \"text\":\"Trygghetsvandring\\t\"}");
    assertThat(b.collection()).isEqualTo("commitments");
    assertThat(b.scope()).isEqualTo(WS);
    assertThat(b.updatedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(5));
    assertThat(store.listDocuments("commitments", WS))
        .extracting(StoredDocument::id, StoredDocument::json)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "{\"v\":2}"),
            org.assertj.core.groups.Tuple.tuple(
                "b", "{\"v\":3, \"text\":\"Trygghetsvandring\\t\"}"));
    assertThat(store.listDocuments("commitments", DocumentStore.GLOBAL)).hasSize(1);
    assertThat(store.findDocument("commitments", WS, "zz")).isEmpty();

    assertThat(store.deleteDocument("commitments", WS, "a")).isTrue();
    assertThat(store.deleteDocument("commitments", WS, "a")).isFalse();
    assertThat(store.listDocuments("commitments", WS))
        .extracting(StoredDocument::id)
        .containsExactly("b");
    assertThat(store.findDocument("activities", WS, "a")).isPresent();
  }

  @Test
  void putDocumentsStoresAllAtOnceAndNothingForAnUnknownWorkspace() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    Map<String, String> docs = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      docs.put(String.format("d%02d", i), "{\"i\":" + i + "}");
    }
    store.putDocuments("activities", WS, docs);
    assertThat(store.listDocuments("activities", WS)).hasSize(50);
    assertNotFound(() -> store.putDocuments("activities", "nowhere", docs));
    assertThat(store.listDocuments("activities", "nowhere")).isEmpty();
  }

  // ---------------------------------------------------------------- photos

  @Test
  void photosArePutReplacedFoundByWorkspaceAndDeletedByteForByte() {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    store.createWorkspace(Workspace.of("other", "Other"));
    byte[] bytes = new byte[70_000];
    new Random(7).nextBytes(bytes);
    store.putPhoto(WS, new StoredPhoto("p-1", "f-1", "image/jpeg", bytes));
    assertThat(store.findPhoto(WS, "p-1"))
        .contains(new StoredPhoto("p-1", "f-1", "image/jpeg", bytes));
    assertThat(store.findPhoto("other", "p-1")).isEmpty();
    byte[] replaced = {(byte) 0xFF, (byte) 0xD8, 0, 1, 2};
    store.putPhoto(WS, new StoredPhoto("p-1", "f-2", "image/jpeg", replaced));
    StoredPhoto back = store.findPhoto(WS, "p-1").orElseThrow();
    assertThat(back.bytes()).isEqualTo(replaced);
    assertThat(back.findingId()).isEqualTo("f-2");
    assertThat(store.deletePhoto(WS, "p-1")).isTrue();
    assertThat(store.deletePhoto(WS, "p-1")).isFalse();
    assertThat(store.findPhoto(WS, "p-1")).isEmpty();
  }

  @Test
  void photosNeedAWorkspaceAndGoWithIt() {
    byte[] bytes = {1, 2, 3};
    assertNotFound(() -> store.putPhoto("nowhere", new StoredPhoto("p", "f", "image/jpeg", bytes)));
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    store.putPhoto(WS, new StoredPhoto("p", "f", "image/jpeg", bytes));
    store.deleteWorkspace(WS);
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    assertThat(store.findPhoto(WS, "p")).isEmpty();
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrentReadersSeeNothingOfAnOpenImportAndAllOfItOnceCommitted() throws Exception {
    store.createWorkspace(Workspace.of(WS, "Kungälv"));
    write(WS, incident("old", 12, 58, T0, "theft"));
    ExecutorService readers = Executors.newFixedThreadPool(3);
    try (LayerWriter w = store.openWriter(WS, Layer.INCIDENTS)) {
      for (int i = 0; i < 2000; i++) {
        w.write(incident(String.format("n%04d", i), 12, 58, T0, "theft"));
      }
      List<Future<Long>> during = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        during.add(
            readers.submit(
                () -> store.query(WS, Layer.INCIDENTS, LayerQuery.ALL.withPage(5, 0)).total()));
      }
      for (Future<Long> f : during) {
        // readers are not blocked by the open import and do not see its rows
        assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(1);
      }
      List<Future<Long>> racing = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        racing.add(
            readers.submit(
                () -> {
                  long[] n = {0};
                  store.scan(WS, Layer.INCIDENTS, LayerQuery.ALL, r -> n[0]++);
                  return n[0];
                }));
      }
      w.commit();
      for (Future<Long> f : racing) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isIn(1L, 2001L);
      }
    } finally {
      readers.shutdownNow();
    }
    assertThat(store.query(WS, Layer.INCIDENTS, LayerQuery.ALL).total()).isEqualTo(2001);
  }

  // ---------------------------------------------------------------- helpers

  protected WriteSummary write(String ws, LayerRecord... records) {
    try (LayerWriter w = store.openWriter(ws, records[0].layer())) {
      for (LayerRecord r : records) {
        w.write(r);
      }
      return w.commit();
    }
  }

  private void assertIds(LayerQuery q, String... ids) {
    assertThat(store.query(WS, Layer.INCIDENTS, q).items())
        .extracting(LayerRecord::externalId)
        .containsExactly(ids);
  }

  protected static void assertNotFound(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  /** Incidents scattered over Kungälv (11.8–12.2 E, 57.8–58.0 N) across 2024, seeded. */
  protected static List<Incident> randomIncidents(Random r, int n) {
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Incident(
              String.format("inc-%05d", i),
              new LonLat(11.8 + r.nextDouble() * 0.4, 57.8 + r.nextDouble() * 0.2),
              T0.plusMillis((long) (r.nextDouble() * 366L * 24 * 3600 * 1000)),
              CATEGORIES.get(r.nextInt(CATEGORIES.size())),
              1 + r.nextInt(3),
              Map.of()));
    }
    return out;
  }

  private static List<String> bruteForce(List<Incident> data, LayerQuery q) {
    Predicate<Incident> keep =
        i ->
            q.bboxWgs84().map(b -> b.contains(i.location().lon(), i.location().lat())).orElse(true)
                && q.time().contains(i.occurredAt())
                && (q.categories().isEmpty() || q.categories().contains(i.category()));
    return data.stream().filter(keep).map(Incident::externalId).sorted().toList();
  }

  protected static Incident incident(String id, double lon, double lat, Instant t, String cat) {
    return new Incident(id, new LonLat(lon, lat), t, cat, 1.0, Map.of());
  }

  private static Lamp lamp(String id) {
    return lampWith(id, LampStatus.BROKEN);
  }

  private static Lamp lampWith(String id, LampStatus status) {
    return new Lamp(
        id,
        new LonLat(11.97, 57.86),
        status,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        "inventory",
        Map.of());
  }

  private static Workspace withoutBoundary(Workspace w) {
    return new Workspace(
        w.id(),
        w.name(),
        w.crs(),
        Optional.empty(),
        w.timeZone(),
        w.publicAccess(),
        w.privacy(),
        w.settings());
  }

  protected static Geometry wkt(String text) {
    try {
      Geometry g = new WKTReader(WGS84).read(text);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
