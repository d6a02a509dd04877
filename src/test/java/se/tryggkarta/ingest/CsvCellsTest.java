package se.tryggkarta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"klicka\")",
        "+1+1",
        "-1+cmd|' /C calc'!A0",
        "@SUM(A1:A2)",
        "\t=1",
        "\r=1",
        "-",
        "=",
        "'=1"
      })
  void a_cell_a_spreadsheet_would_run_gets_an_apostrophe(String v) {
    assertThat(CsvCells.guard(v)).isEqualTo("'" + v);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"-12.5", "+46", "-1e-3", "12", "0.5", "theft", "'abc", "a=b", "", "'-5"})
  void numbers_and_harmless_text_stay_as_they_are(String v) {
    assertThat(CsvCells.guard(v)).isEqualTo(v);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"=1", "'=1", "''=1", "'abc", "-5", "'-5", "-x", "@", "plain", "'", "''"})
  void unguard_takes_back_exactly_what_guard_added(String v) {
    assertThat(CsvCells.unguard(CsvCells.guard(v))).isEqualTo(v);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=1+1|'=1+1",
        "a,b|\"a,b\"",
        "a;b|\"a;b\"",
        "=a,b|\"'=a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\""
      })
  void cells_are_guarded_then_quoted(String v, String cell) {
    assertThat(CsvCells.cell(v)).isEqualTo(cell);
  }
}
