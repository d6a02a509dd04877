package se.tryggkarta.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast writing and reading of stored times, against the general formatter and parser. */
class LayerTableTimeTest {
  @Test
  void fixedWidthTimesWriteAndReadAsTheGeneralFormatterAndParserDo() {
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      // 1600..2400: leap centuries, dates before 1970
      long millis = (long) ((r.nextDouble() - 0.46) * 800 * 365.2425 * 86_400_000L);
      String text = LayerTable.DATETIME.format(Instant.ofEpochMilli(millis));
      assertThat(LayerTable.epochMillis(text)).as(text).isEqualTo(millis);
      assertThat(LayerTable.format(Instant.ofEpochMilli(millis))).isEqualTo(text);
    }
    assertThat(LayerTable.epochMillis("2024-02-29T23:59:59.999Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli());
  }

  @Test
  void daysFromCivilCountsFromTheUnixEpoch() {
    assertThat(LayerTable.daysFromCivil(1970, 1, 1)).isZero();
    assertThat(LayerTable.daysFromCivil(2000, 3, 1)).isEqualTo(11_017);
    assertThat(LayerTable.daysFromCivil(1969, 12, 31)).isEqualTo(-1);
  }
}
