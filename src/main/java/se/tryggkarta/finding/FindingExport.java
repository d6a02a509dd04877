package se.tryggkarta.finding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.ingest.GeoPackageFiles;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;

/**
 * Findings for the municipality's own systems: CSV (one row per finding, WGS84 lon/lat) and
 * GeoPackage (a point feature table in the unsafe-places layout, the finding's fields as columns:
 * QGIS and the municipality's GIS open it as it is). Notes go in only when {@code withNotes} (an
 * analyst's export). Stateless apart from the GeoPackage port; thread-safe.
 */
public final class FindingExport {
  /** The CSV header. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "lon",
          "lat",
          "walk_id",
          "walk_name",
          "stop",
          "category",
          "category_sv",
          "severity",
          "note",
          "photos",
          "recorded_by",
          "recorded_at");

  private final GeoPackageFiles geoPackages;

  public FindingExport(GeoPackageFiles geoPackages) {
    this.geoPackages = geoPackages;
  }

  /** The findings as CSV; {@code walkNames} by walk id. */
  public static String csv(
      List<Finding> findings, Map<String, String> walkNames, boolean withNotes) {
    StringBuilder b = new StringBuilder();
    CsvCells.row(b, CSV_COLUMNS);
    for (Finding f : findings) {
      CsvCells.row(
          b,
          List.of(
              CsvCells.text(f.id()),
              Double.toString(f.location().lon()),
              Double.toString(f.location().lat()),
              CsvCells.text(f.walkId().orElse("")),
              CsvCells.text(f.walkId().map(w -> walkNames.getOrDefault(w, "")).orElse("")),
              f.stopNumber().isPresent() ? Integer.toString(f.stopNumber().getAsInt()) : "",
              f.category().slug(),
              f.category().swedish(),
              Integer.toString(f.severity()),
              withNotes ? CsvCells.text(f.note().orElse("")) : "",
              Integer.toString(f.photoIds().size()),
              CsvCells.text(f.recordedBy()),
              f.recordedAt().toString()));
    }
    return b.toString();
  }

  /** Writes the findings as a GeoPackage file to {@code out} (not closed). */
  public void geoPackage(
      List<Finding> findings, Map<String, String> walkNames, boolean withNotes, OutputStream out) {
    try {
      Path dir = Files.createTempDirectory("tryggkarta-findings-");
      Path file = dir.resolve("findings.gpkg");
      try {
        try (LayerWriter writer = geoPackages.createLayerFile(file, Layer.UNSAFE_PLACES)) {
          for (Finding f : findings) {
            Map<String, Object> extra = new LinkedHashMap<>();
            f.walkId().ifPresent(w -> extra.put("walk_id", w));
            f.walkId().map(walkNames::get).ifPresent(n -> extra.put("walk_name", n));
            f.stopNumber().ifPresent(s -> extra.put("stop", s));
            extra.put("category_sv", f.category().swedish());
            extra.put("severity", f.severity());
            extra.put("photos", f.photoIds().size());
            extra.put("recorded_by", f.recordedBy());
            writer.write(
                new UnsafePlace(
                    f.id(),
                    f.location(),
                    f.recordedAt(),
                    f.category().slug(),
                    FindingService.SOURCE,
                    withNotes ? f.note() : Optional.empty(),
                    extra));
          }
          writer.commit();
        }
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(out);
        }
        out.flush();
      } finally {
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(dir)) {
          files.forEach(left::add);
        }
        for (Path p : left) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
