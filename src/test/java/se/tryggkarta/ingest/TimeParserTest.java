package se.tryggkarta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.common.DomainException;

class TimeParserTest {
  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-05-01T22:00:00Z|2024-05-01T22:00:00Z",
        "2024-05-01T22:00:00.123Z|2024-05-01T22:00:00.123Z",
        "2024-05-01T22:00:00+02:00|2024-05-01T20:00:00Z",
        "2024-05-01T22:00:00+0200|2024-05-01T20:00:00Z",
        // Police events API: space, one-digit hour, space before the offset
        "2026-08-22 9:48:12 +02:00|2026-08-22T07:48:12Z",
        // local times are read in the workspace's zone (CEST in May, CET in January)
        "2024-05-01T22:00|2024-05-01T20:00:00Z",
        "2024-01-15 08:30:00|2024-01-15T07:30:00Z",
        "2024-05-01|2024-04-30T22:00:00Z"
      })
  void reads_iso_8601_and_the_lenient_forms_real_exports_use(String text, String expected) {
    assertThat(TimeParser.instant("t", text, STOCKHOLM)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "yesterday",
        "01/05/2024",
        "2024-13-01",
        "2024-02-30T10:00:00Z",
        "2024-05-01T25:00"
      })
  void rejects_what_is_not_a_valid_date_naming_the_field(String text) {
    assertThatThrownBy(() -> TimeParser.instant("occurred_at", text, STOCKHOLM))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("occurred_at"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'{\"type\":\"FeatureCollection\"}', GEOJSON",
    "'  \n{', GEOJSON",
    "'id,lon,lat', CSV",
    "'SQLite format 3', GPKG"
  })
  void sniffing_the_first_bytes_tells_the_format(String head, ImportFormat expected) {
    byte[] b = head.getBytes(StandardCharsets.UTF_8);
    if (expected == ImportFormat.GPKG) {
      b = "SQLite format 3\0 more".getBytes(StandardCharsets.US_ASCII);
    }
    assertThat(ImportFormat.sniff(b, b.length)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "text/csv; charset=utf-8, CSV",
    "application/geo+json, GEOJSON",
    "application/geopackage+sqlite3, GPKG"
  })
  void the_content_type_tells_the_format(String type, ImportFormat expected) {
    assertThat(ImportFormat.fromContentType(type)).isEqualTo(Optional.of(expected));
  }
}
