package se.tryggkarta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.store.geopackage.SqliteGeoPackageFiles;
import se.tryggkarta.workspace.Workspace;

class ImportExportRoundTripTest {
  @TempDir Path dir;
  GeoPackageStore store;
  ImportService imports;
  ExportService exports;

  @BeforeEach
  void open() {
    store = GeoPackageStore.open(dir.resolve("store.gpkg"));
    wire();
    store.createWorkspace(Workspace.of("source", "Source"));
    store.createWorkspace(Workspace.of("target", "Target"));
  }

  private void wire() {
    imports = new ImportService(store, store, new SqliteGeoPackageFiles());
    exports = new ExportService(store, store, new SqliteGeoPackageFiles());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Stream<Arguments> layersAndFormats() {
    List<Arguments> all = new ArrayList<>();
    for (Layer l : Layer.values()) {
      for (ImportFormat f : ImportFormat.values()) {
        all.add(Arguments.of(l, f));
      }
    }
    return all.stream();
  }

  private void seed(String ws, List<LayerRecord> records) {
    try (LayerWriter w = store.openWriter(ws, records.get(0).layer())) {
      records.forEach(w::write);
      w.commit();
    }
  }

  private byte[] export(String ws, Layer layer, ImportFormat f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.export(ws, layer, f, true, out);
    return out.toByteArray();
  }

  private ImportReport importBytes(String ws, Layer layer, byte[] file, Map<String, String> opts) {
    return imports.importFile(ws, layer, new ByteArrayInputStream(file), ImportOptions.parse(opts));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("layersAndFormats")
  void every_layer_round_trips_through_every_format(Layer layer, ImportFormat format) {
    List<LayerRecord> records = Samples.of(layer, 25, 7);
    seed("source", records);
    byte[] file = export("source", layer, format);

    ImportReport report = importBytes("target", layer, file, Map.of());

    assertThat(report.format()).isEqualTo(format);
    assertThat(report.read()).isEqualTo(25);
    assertThat(report.inserted()).isEqualTo(25);
    assertThat(report.rejected()).isZero();
    Samples.assertSameRecords(Samples.stored(store, "target", layer), records);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("layersAndFormats")
  void re_importing_the_same_file_updates_every_record_and_changes_nothing(
      Layer layer, ImportFormat format) {
    List<LayerRecord> records = Samples.of(layer, 10, 11);
    seed("source", records);
    byte[] file = export("source", layer, format);
    importBytes("target", layer, file, Map.of());
    long version = store.dataVersion("target");

    ImportReport again = importBytes("target", layer, file, Map.of());

    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isEqualTo(10);
    assertThat(store.dataVersion("target")).isGreaterThan(version);
    Samples.assertSameRecords(Samples.stored(store, "target", layer), records);
  }

  @Test
  void imported_records_survive_closing_and_reopening_the_store() {
    List<LayerRecord> records = Samples.of(Layer.INCIDENTS, 30, 3);
    seed("source", records);
    importBytes(
        "target", Layer.INCIDENTS, export("source", Layer.INCIDENTS, ImportFormat.CSV), Map.of());
    store.close();

    store = GeoPackageStore.open(dir.resolve("store.gpkg"));
    wire();

    Samples.assertSameRecords(Samples.stored(store, "target", Layer.INCIDENTS), records);
  }

  @Test
  void an_invalid_record_rejects_the_whole_file_and_stores_nothing() {
    String csv =
        "id,lon,lat,occurred_at,category\n"
            + "a,11.98,57.87,2024-05-01T22:00:00Z,theft\n"
            + "b,11.98,57.87,not-a-time,theft\n"
            + "c,11.98,57.87,2024-05-01T22:00:00Z,theft\n";

    assertThatThrownBy(() -> importBytes("target", Layer.INCIDENTS, bytes(csv), Map.of()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).record()).contains(3L);
              assertThat(e.errors().get(0).field()).isEqualTo("occurred_at");
            });
    assertThat(Samples.stored(store, "target", Layer.INCIDENTS)).isEmpty();
  }

  @Test
  void skip_mode_stores_the_valid_records_and_lists_the_rejected() {
    String csv =
        "id,lon,lat,occurred_at,category\n"
            + "a,11.98,57.87,2024-05-01T22:00:00Z,theft\n"
            + "b,11.98,57.87,not-a-time,theft\n"
            + "c,11.98,57.87,2024-05-01T22:00:00Z,\n";

    ImportReport r =
        importBytes("target", Layer.INCIDENTS, bytes(csv), Map.of("onInvalid", "skip"));

    assertThat(r.read()).isEqualTo(3);
    assertThat(r.inserted()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.errors())
        .extracting(e -> e.record().orElseThrow() + ":" + e.field())
        .containsExactly("3:occurred_at", "4:category");
    assertThat(Samples.stored(store, "target", Layer.INCIDENTS))
        .extracting(LayerRecord::externalId)
        .containsExactly("a");
  }

  @Test
  void sweref_xy_columns_with_a_column_mapping_become_the_same_wgs84_point() {
    // EPSG:4326 (11.98, 57.87) is EPSG:3006 E 320879.716, N 6418236.085 (PROJ's cs2cs agrees).
    String csv = "nr;E;N;tid;brott\nx1;320879,716;6418236,085;2024-05-01 22:00;Stöld\n";

    ImportReport r =
        importBytes(
            "target",
            Layer.INCIDENTS,
            bytes(csv),
            Map.of(
                "crs", "EPSG:3006",
                "column.id", "nr",
                "column.x", "E",
                "column.y", "N",
                "column.occurred_at", "tid",
                "column.category", "brott"));

    assertThat(r.inserted()).isEqualTo(1);
    Incident i = (Incident) Samples.stored(store, "target", Layer.INCIDENTS).get(0);
    assertThat(i.location().lon()).isCloseTo(11.98, org.assertj.core.data.Offset.offset(1e-7));
    assertThat(i.location().lat()).isCloseTo(57.87, org.assertj.core.data.Offset.offset(1e-7));
    assertThat(i.category()).isEqualTo("stöld");
    // a local time is read in the workspace's zone: 22:00 in Stockholm in May is 20:00 UTC
    assertThat(i.occurredAt()).isEqualTo(Instant.parse("2024-05-01T20:00:00Z"));
  }

  @Test
  void unknown_properties_are_kept_in_extra() {
    String geojson =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":7,"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[11.98,57.87]},"
            + "\"properties\":{\"occurred_at\":\"2024-05-01\",\"category\":\"Theft\",\"ärende\":\"K123\",\"count\":3}}]}";

    importBytes("target", Layer.INCIDENTS, bytes(geojson), Map.of());

    Incident i = (Incident) Samples.stored(store, "target", Layer.INCIDENTS).get(0);
    assertThat(i.externalId()).isEqualTo("7");
    assertThat(i.extra()).containsEntry("ärende", "K123").containsEntry("count", 3);
  }

  @Test
  void export_leaves_out_comments_when_the_caller_may_not_read_them() {
    List<LayerRecord> records = Samples.of(Layer.UNSAFE_PLACES, 6, 5);
    seed("source", records);
    String secret = ((UnsafePlace) records.get(1)).comment().orElseThrow();
    assertThat(secret).contains("tunneln");
    for (ImportFormat f : ImportFormat.values()) {
      // A fresh workspace per format, so each format's records are its own and not a former's.
      String target = "target-" + f.slug();
      store.createWorkspace(Workspace.of(target, "Target " + f.slug()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      long written = exports.export("source", Layer.UNSAFE_PLACES, f, false, out);
      ImportReport report =
          importBytes(target, Layer.UNSAFE_PLACES, out.toByteArray(), Map.of("format", f.slug()));

      assertThat(written).as(f.slug()).isEqualTo(6);
      assertThat(report.read()).as(f.slug()).isEqualTo(6);
      assertThat(report.inserted()).as(f.slug()).isEqualTo(6);
      assertThat(report.rejected()).as(f.slug()).isZero();
      List<LayerRecord> back = Samples.stored(store, target, Layer.UNSAFE_PLACES);
      assertThat(back)
          .as(f.slug())
          .extracting(LayerRecord::externalId)
          .containsExactlyElementsOf(records.stream().map(LayerRecord::externalId).toList());
      assertThat(back)
          .as(f.slug())
          .allSatisfy(r -> assertThat(((UnsafePlace) r).comment()).isEmpty());
      // The file holds the records (an empty export would pass the next line on its own) ...
      String text = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
      assertThat(text).as(f.slug()).contains(records.get(1).externalId());
      // ... but not the comment.
      assertThat(text).as(f.slug()).doesNotContain("tunneln");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
