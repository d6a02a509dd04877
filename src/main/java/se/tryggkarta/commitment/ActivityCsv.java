package se.tryggkarta.commitment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.TimeRange;

/**
 * Reads a patrol log as CSV (RFC 4180 via Jackson's CSV module, header row, comma or semicolon
 * separated) into activities. Columns, in any order: {@code occurred_at} (required: ISO-8601
 * instant, local date-time or date in the workspace zone), {@code count} (default 1), {@code lon}
 * and {@code lat} (WGS84 degrees, both or neither), {@code place}, {@code note}, {@code
 * note_public}, {@code logged_by}, {@code outside_places} (true/false), {@code id}. Unknown columns
 * are an error. Record numbers in errors are line numbers counting the header as line 1 (for rows
 * without embedded line breaks). Stateless.
 */
public final class ActivityCsv {
  private static final Set<String> COLUMNS =
      Set.of(
          "id",
          "occurred_at",
          "count",
          "lon",
          "lat",
          "place",
          "note",
          "note_public",
          "logged_by",
          "outside_places");

  /** The most rows one import reads. */
  public static final int MAX_ROWS = 200_000;

  private static final CsvMapper CSV = new CsvMapper();

  private ActivityCsv() {}

  /** One parsed row and its line number, for error reports after attribution. */
  public record Row(long line, Activity activity) {}

  /**
   * Parses every row, or throws INVALID_INPUT whose errors list each bad row with its line.
   *
   * @param idPrefix ids of rows without an {@code id} column become {@code idPrefix-<line>}
   */
  public static List<Row> read(String text, String commitmentId, ZoneId zone, String idPrefix) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String header = body.lines().findFirst().orElse("");
    char sep = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(sep);
    List<Row> rows = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        CSV.readerForMapOf(String.class).with(schema).readValues(body)) {
      long line = 1;
      while (it.hasNextValue()) {
        line++;
        Map<String, String> row = it.nextValue();
        if (line == 2) {
          for (String col : row.keySet()) {
            if (!COLUMNS.contains(col.strip().toLowerCase(Locale.ROOT))) {
              throw DomainException.invalid(
                  col, "unknown column '" + col + "'; expected some of " + COLUMNS);
            }
          }
          if (!row.containsKey("occurred_at")) {
            throw DomainException.invalid("occurred_at", "the column occurred_at is required");
          }
        }
        if (rows.size() >= MAX_ROWS) {
          throw new DomainException(
              ErrorKind.TOO_LARGE, "a patrol log may hold at most " + MAX_ROWS + " rows");
        }
        try {
          rows.add(new Row(line, activity(row, commitmentId, zone, idPrefix + "-" + line)));
        } catch (DomainException e) {
          errors.add(FieldError.ofRecord(line, e.field().orElse("row"), e.getMessage()));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException d) {
        throw d;
      }
      throw DomainException.invalid("body", "not readable as CSV: " + e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new DomainException(
          ErrorKind.INVALID_INPUT,
          errors.size() + " row(s) of the patrol log are invalid; nothing was imported",
          Optional.empty(),
          errors,
          null);
    }
    return rows;
  }

  private static Activity activity(
      Map<String, String> row, String commitmentId, ZoneId zone, String fallbackId) {
    Optional<String> lon = cell(row, "lon");
    Optional<String> lat = cell(row, "lat");
    if (lon.isPresent() != lat.isPresent()) {
      throw DomainException.invalid(
          lon.isPresent() ? "lat" : "lon", "give both lon and lat, or neither");
    }
    Optional<LonLat> location = Optional.empty();
    if (lon.isPresent()) {
      location = Optional.of(new LonLat(number("lon", lon.get()), number("lat", lat.get())));
    }
    String at =
        cell(row, "occurred_at")
            .orElseThrow(() -> DomainException.invalid("occurred_at", "occurred_at is required"));
    long count = cell(row, "count").map(c -> (long) wholeNumber("count", c)).orElse(1L);
    return new Activity(
        cell(row, "id").orElse(fallbackId),
        commitmentId,
        TimeRange.parseInstant("occurred_at", at, zone),
        count,
        location,
        cell(row, "place"),
        bool("outside_places", cell(row, "outside_places")),
        cell(row, "note"),
        bool("note_public", cell(row, "note_public")),
        cell(row, "logged_by").orElse(null));
  }

  private static Optional<String> cell(Map<String, String> row, String name) {
    String v = row.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static double number(String field, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be a number, was '" + v + "'");
    }
  }

  private static long wholeNumber(String field, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be a whole number, was '" + v + "'");
    }
  }

  private static boolean bool(String field, Optional<String> v) {
    if (v.isEmpty()) {
      return false;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true", "ja", "yes", "1" -> true;
      case "false", "nej", "no", "0" -> false;
      default ->
          throw DomainException.invalid(
              field, field + " must be true or false, was '" + v.get() + "'");
    };
  }
}
