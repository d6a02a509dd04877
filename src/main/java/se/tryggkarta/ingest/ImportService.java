package se.tryggkarta.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.WriteSummary;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceRepository;

/**
 * Imports one file into one layer of one workspace. The file is read as a stream, validated record
 * by record and written through one {@link LayerWriter} transaction, so memory stays bounded by the
 * set of external ids seen (to catch duplicates in one file, about 36 bytes an id: {@link
 * ExternalIdSet}), not by the file.
 *
 * <p>Atomicity: with {@link OnInvalid#REJECT} (the default) any invalid record rolls the whole
 * transaction back and the import fails with UNPROCESSABLE listing the first {@value
 * ImportReport#MAX_LISTED} errors; a file that cannot be parsed at all fails with INVALID_INPUT,
 * and one whose format is unknown with UNSUPPORTED_FORMAT. With {@link OnInvalid#SKIP} the valid
 * records are committed and the invalid ones counted and listed. Either way the store is unchanged
 * by a failed import. Re-importing an external id replaces the stored record.
 *
 * <p>The store's write lock is held while the file is read. Thread-safe (each call has its own
 * state).
 */
public final class ImportService {
  private static final int SNIFF_BYTES = 512;

  /** At most this many names of columns outside the schema are listed in the warning. */
  private static final int MAX_LISTED_FREE_TEXT_COLUMNS = 20;

  /** At most this many distinct positions are tracked for the centroid warning. */
  private static final int MAX_TRACKED_POSITIONS = 10_000;

  private final WorkspaceRepository workspaces;
  private final LayerStore layers;
  private final GeoPackageFiles geoPackages;

  public ImportService(
      WorkspaceRepository workspaces, LayerStore layers, GeoPackageFiles geoPackages) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.geoPackages = geoPackages;
  }

  /**
   * Reads {@code in} (not closed here) as a file of records of {@code layer} and stores them in the
   * workspace. Coordinates are read in the options' CRS, else the file's declared one, else WGS84;
   * local times in the workspace's zone.
   */
  public ImportReport importFile(
      String workspaceId, Layer layer, InputStream in, ImportOptions options) {
    Workspace w =
        workspaces
            .findWorkspace(workspaceId)
            .orElseThrow(() -> DomainException.notFound("workspace", workspaceId));
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    ImportFormat format = detect(buffered, options);
    Path temp = null;
    try {
      RecordSource source;
      if (format == ImportFormat.GPKG) {
        temp = Files.createTempFile("tryggkarta-import-", ".gpkg");
        Files.copy(buffered, temp, StandardCopyOption.REPLACE_EXISTING);
        source = geoPackages.openTable(temp, options.table(), layer);
      } else if (format == ImportFormat.CSV) {
        source = new CsvSource(buffered, options.delimiter());
      } else {
        source = new GeoJsonSource(buffered);
      }
      try (source) {
        return run(w, layer, format, source, options);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a temp file left behind is harmless; the OS cleans its temp folder
        }
      }
    }
  }

  private static ImportFormat detect(BufferedInputStream in, ImportOptions options) {
    byte[] head = new byte[SNIFF_BYTES];
    int n;
    try {
      in.mark(SNIFF_BYTES);
      n = in.readNBytes(head, 0, SNIFF_BYTES);
      in.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (n == 0) {
      throw GeoJsonSource.fileError("body", "the file is empty");
    }
    return options
        .format()
        .or(() -> options.contentType().flatMap(ImportFormat::fromContentType))
        .or(() -> options.fileName().flatMap(ImportFormat::fromFileName))
        .or(() -> ImportFormat.sniff(head, n))
        .orElseThrow(
            () ->
                new DomainException(
                    ErrorKind.UNSUPPORTED_FORMAT,
                    "format",
                    "cannot tell the file's format; give format=geojson, csv or gpkg"));
  }

  private ImportReport run(
      Workspace w, Layer layer, ImportFormat format, RecordSource source, ImportOptions options) {
    Crs crs = options.crs().or(source::declaredCrs).orElse(Crs.wgs84());
    SpatialCheck spatial = new SpatialCheck(w, crs, options.boundaryToleranceMeters());
    RecordMapper mapper = new RecordMapper(layer, w, options, crs, spatial);
    source.columns().ifPresent(mapper::requireColumns);
    boolean atomic = options.onInvalid() == OnInvalid.REJECT;
    Tally tally = new Tally();
    ExternalIdSet seen = new ExternalIdSet();
    try (LayerWriter writer = layers.openWriter(w.id(), layer)) {
      Optional<SourceRecord> next;
      while ((next = source.next()).isPresent()) {
        SourceRecord s = next.get();
        tally.read++;
        RecordMapper.Result r = mapper.map(s);
        List<FieldError> errors = r.errors();
        if (r.record().isPresent()) {
          long first = seen.firstRecord(r.record().get().externalId(), s.number());
          if (first >= 0) {
            errors =
                List.of(
                    FieldError.ofRecord(
                        s.number(),
                        "id",
                        "duplicate id '"
                            + r.record().get().externalId()
                            + "' (first at record "
                            + first
                            + ")"));
          }
        }
        if (!errors.isEmpty()) {
          tally.reject(s, errors, spatial.lastRejectedPosition());
          if (atomic && tally.errors.size() >= ImportReport.MAX_LISTED) {
            break;
          }
          continue;
        }
        LayerRecord record = r.record().get();
        tally.accept(record, spatial.lastOutsideMeters());
        if (!atomic || tally.rejected == 0) {
          writer.write(record);
        }
      }
      seen = null; // tens of megabytes for a large file; the commit may need them
      if (atomic && tally.rejected > 0) {
        throw new DomainException(
            ErrorKind.UNPROCESSABLE,
            tally.rejected
                + " invalid record(s) in the file (the first: "
                + tally.errors.get(0)
                + "); nothing was stored. Fix them, or import with onInvalid=skip to store the"
                + " valid ones.",
            Optional.empty(),
            tally.errors,
            null);
      }
      WriteSummary summary = writer.commit();
      return new ImportReport(
          w.id(),
          layer,
          format,
          tally.read,
          summary.inserted(),
          summary.updated(),
          tally.rejected,
          tally.errors,
          tally.warnings(w, options, layer));
    }
  }

  /** Counts and the first errors of one import; positions for the warnings. */
  private static final class Tally {
    long read;
    long rejected;
    long stored;
    long nearBoundary;
    final List<FieldError> errors = new ArrayList<>();
    final Set<Long> positions = new HashSet<>();
    boolean positionsOverflow;
    final Map<String, Outside> outside = new HashMap<>();
    final Set<String> freeTextColumns = new java.util.TreeSet<>();
    boolean moreFreeTextColumns;

    void reject(SourceRecord s, List<FieldError> recordErrors, Optional<Coordinate> position) {
      rejected++;
      for (FieldError e : recordErrors) {
        if (errors.size() < ImportReport.MAX_LISTED) {
          errors.add(e);
        }
        if (e.field().equals("geometry") && e.reason().contains("outside the workspace boundary")) {
          position.ifPresent(c -> outside(key(c), e.reason(), s.number()));
        }
      }
    }

    private void outside(String position, String reason, long record) {
      if (outside.size() < ImportReport.MAX_LISTED || outside.containsKey(position)) {
        outside.computeIfAbsent(position, p -> new Outside(reason, record)).count++;
      }
    }

    void accept(LayerRecord r, double outsideMeters) {
      stored++;
      for (String k : r.extra().keySet()) {
        if (!freeTextColumns.contains(k)) {
          if (freeTextColumns.size() < MAX_LISTED_FREE_TEXT_COLUMNS) {
            freeTextColumns.add(k);
          } else {
            moreFreeTextColumns = true;
          }
        }
      }
      if (outsideMeters > 0) {
        nearBoundary++;
      }
      if (!positionsOverflow && r.geometryWgs84().getNumPoints() == 1) {
        Coordinate c = r.geometryWgs84().getCoordinate();
        positions.add(31 * Double.doubleToLongBits(c.x) + Double.doubleToLongBits(c.y));
        positionsOverflow = positions.size() > MAX_TRACKED_POSITIONS;
      }
    }

    List<String> warnings(Workspace w, ImportOptions options, Layer layer) {
      List<String> out = new ArrayList<>();
      if (!freeTextColumns.isEmpty()) {
        out.add(
            (freeTextColumns.size() == 1 ? "the column " : "the columns ")
                + String.join(", ", freeTextColumns)
                + (moreFreeTextColumns ? " and more" : "")
                + (freeTextColumns.size() == 1 && !moreFreeTextColumns ? " is" : " are")
                + " not in the "
                + layer.slug()
                + " schema; they are kept as free text, shown to analysts only (not to viewers,"
                + " the public or their exports)");
      }
      if (nearBoundary > 0) {
        out.add(
            nearBoundary
                + " stored record(s) lie outside the workspace boundary but within the "
                + Math.round(options.boundaryToleranceMeters())
                + " m tolerance");
      }
      if (!positionsOverflow && stored >= 20 && positions.size() * 10L <= stored) {
        out.add(
            stored
                + " stored records share only "
                + positions.size()
                + " distinct positions: the coordinates look like administrative centroids"
                + " (municipality or county), not the places where things happened");
      }
      outside.entrySet().stream()
          .sorted(Comparator.comparing((Map.Entry<String, Outside> e) -> -e.getValue().count))
          .limit(ImportReport.MAX_LISTED - out.size())
          .forEach(
              e ->
                  out.add(
                      e.getValue().count
                          + " record(s) at "
                          + e.getKey()
                          + " (first: record "
                          + e.getValue().firstRecord
                          + ") were rejected: the position "
                          + e.getValue().reason
                          + (e.getValue().count > 1
                              ? "; many records at one position suggest an administrative"
                                  + " centroid (municipality or county), not an incident site"
                              : "")));
      return out;
    }

    private static String key(Coordinate c) {
      return String.format(Locale.ROOT, "%.5f,%.5f", c.x, c.y);
    }
  }

  private static final class Outside {
    final String reason;
    final long firstRecord;
    long count;

    Outside(String reason, long firstRecord) {
      this.reason = reason;
      this.firstRecord = firstRecord;
    }
  }
}
