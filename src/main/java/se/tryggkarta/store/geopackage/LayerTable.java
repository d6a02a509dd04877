package se.tryggkarta.store.geopackage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.store.LayerColumns;
import se.tryggkarta.store.RecordColumns;
import se.tryggkarta.store.RecordTable;

/**
 * How one layer maps onto one GeoPackage feature table: its name, geometry type, typed columns and
 * the record ↔ row conversion. Every table also has {@code fid}, {@code geom}, {@code
 * workspace_id}, {@code external_id} and {@code extra} (JSON text). Times are {@link #DATETIME}
 * text. Stateless and thread-safe.
 */
enum LayerTable implements RecordTable {
  INCIDENTS(
      LayerColumns.INCIDENTS,
      "POINT",
      List.of("DATETIME NOT NULL", "TEXT NOT NULL", "DOUBLE NOT NULL")),
  UNSAFE_PLACES(
      LayerColumns.UNSAFE_PLACES,
      "POINT",
      List.of("DATETIME NOT NULL", "TEXT NOT NULL", "TEXT NOT NULL", "TEXT")),
  LAMPS(
      LayerColumns.LAMPS,
      "POINT",
      List.of("TEXT NOT NULL", "DOUBLE", "DOUBLE", "DATE", "TEXT NOT NULL")),
  PLACES(LayerColumns.PLACES, "GEOMETRY", List.of("TEXT NOT NULL")),
  STREETS(LayerColumns.STREETS, "LINESTRING", List.of("TEXT NOT NULL", "TEXT NOT NULL", "TEXT"));

  /**
   * GeoPackage DATETIME: ISO-8601 UTC with milliseconds, fixed width so text order is time order.
   */
  static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final RecordColumns COLUMNS =
      new RecordColumns(
          GpkgGeometry::decode,
          (rs, column) -> instant(rs.getString(column)),
          (rs, column) -> Optional.ofNullable(rs.getString(column)).map(LocalDate::parse),
          "GeoPackage");

  private final LayerColumns columns;
  final String geometryType;

  /** The typed columns' definitions: name, type and constraint, in {@link #columnNames} order. */
  final List<String> columnDdl;

  /**
   * @param types each typed column's GeoPackage type and constraint, in {@link LayerColumns#names}
   *     order
   */
  LayerTable(LayerColumns columns, String geometryType, List<String> types) {
    this.columns = columns;
    this.geometryType = geometryType;
    this.columnDdl =
        IntStream.range(0, types.size())
            .mapToObj(i -> columns.names().get(i) + " " + types.get(i))
            .toList();
  }

  static LayerTable of(Layer layer) {
    return RecordTable.of(List.of(values()), layer);
  }

  /** Binds the typed columns starting at parameter {@code first}; returns the next index. */
  int bind(LayerRecord r, PreparedStatement ps, int first) throws SQLException {
    int i = first;
    if (r instanceof Incident x) {
      ps.setString(i++, format(x.occurredAt()));
      ps.setString(i++, x.category());
      ps.setDouble(i++, x.weight());
    } else if (r instanceof UnsafePlace x) {
      ps.setString(i++, format(x.reportedAt()));
      ps.setString(i++, x.category());
      ps.setString(i++, x.source());
      setOptional(ps, i++, x.comment());
    } else if (r instanceof Lamp x) {
      ps.setString(i++, x.status().slug());
      setOptional(ps, i++, x.powerWatts());
      setOptional(ps, i++, x.lumens());
      setOptional(ps, i++, x.installedOn().map(LocalDate::toString));
      ps.setString(i++, x.source());
    } else if (r instanceof Place x) {
      ps.setString(i++, x.name());
    } else if (r instanceof StreetSegment x) {
      ps.setString(i++, x.highway());
      ps.setString(i++, x.lit().slug());
      setOptional(ps, i++, x.name());
    }
    return i;
  }

  @Override
  public LayerColumns columns() {
    return columns;
  }

  @Override
  public String selectList() {
    return "geom, external_id, extra, " + String.join(", ", columnNames());
  }

  @Override
  public LayerRecord read(ResultSet rs) throws SQLException {
    return COLUMNS.read(layer(), rs);
  }

  private static Instant instant(String text) {
    return Instant.from(DATETIME.parse(text));
  }

  /**
   * A stored {@link #DATETIME} in milliseconds since 1970-01-01T00:00Z. The fixed-width form this
   * store writes is read digit by digit (days from the civil date by Hinnant's algorithm,
   * "chrono-Compatible Low-Level Date Algorithms"), anything else (a file another tool wrote) by
   * the general parser. The columnar scan reads a million of these per second or more.
   */
  static long epochMillis(String text) {
    if (text.length() == 24
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':'
        && text.charAt(19) == '.'
        && text.charAt(23) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      int milli = digits(text, 20, 3);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= 31
          && hour >= 0
          && hour <= 23
          && minute >= 0
          && minute <= 59
          && second >= 0
          && second <= 59
          && milli >= 0) {
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + milli;
      }
    }
    return instant(text).toEpochMilli();
  }

  /**
   * {@link #DATETIME} of an instant, written digit by digit (the civil date by Hinnant's
   * civil_from_days) for the years 0–9999 the format holds, else by the formatter.
   */
  static String format(Instant t) {
    long millis = t.toEpochMilli();
    long days = Math.floorDiv(millis, 86_400_000L);
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      return DATETIME.format(t);
    }
    int ms = (int) Math.floorMod(millis, 86_400_000L);
    char[] c = new char[24];
    put(c, 0, (int) year, 4);
    c[4] = '-';
    put(c, 5, month, 2);
    c[7] = '-';
    put(c, 8, day, 2);
    c[10] = 'T';
    put(c, 11, ms / 3_600_000, 2);
    c[13] = ':';
    put(c, 14, ms / 60_000 % 60, 2);
    c[16] = ':';
    put(c, 17, ms / 1000 % 60, 2);
    c[19] = '.';
    put(c, 20, ms % 1000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The decimal number in {@code text[from, from + count)}, or −1 when a character is no digit. */
  private static int digits(String text, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
  static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static void setOptional(PreparedStatement ps, int i, Optional<String> v)
      throws SQLException {
    if (v.isPresent()) {
      ps.setString(i, v.get());
    } else {
      ps.setNull(i, Types.VARCHAR);
    }
  }

  private static void setOptional(PreparedStatement ps, int i, OptionalDouble v)
      throws SQLException {
    if (v.isPresent()) {
      ps.setDouble(i, v.getAsDouble());
    } else {
      ps.setNull(i, Types.DOUBLE);
    }
  }
}
