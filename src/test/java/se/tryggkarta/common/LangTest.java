package se.tryggkarta.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LangTest {
  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @Test
  void swedish_numbers_have_a_decimal_comma_and_a_space_between_thousands() {
    assertThat(Lang.SV.number(2.8, 1)).isEqualTo("2,8");
    assertThat(Lang.SV.integer(1222)).isEqualTo("1\u00a0222");
    assertThat(Lang.SV.number(1234567.891, 2)).isEqualTo("1\u00a0234\u00a0567,89");
    assertThat(Lang.SV.number(-0.04, 1)).isEqualTo("−0,0");
    assertThat(Lang.SV.distance(2800)).isEqualTo("2,8\u00a0km");
    assertThat(Lang.SV.distance(850.4)).isEqualTo("850\u00a0m");
    assertThat(Lang.SV.percent(0.42)).isEqualTo("42\u00a0%");
  }

  @Test
  void english_numbers_have_a_decimal_point_and_a_comma_between_thousands() {
    assertThat(Lang.EN.number(2.8, 1)).isEqualTo("2.8");
    assertThat(Lang.EN.integer(1222)).isEqualTo("1,222");
    assertThat(Lang.EN.distance(2800)).isEqualTo("2.8\u00a0km");
    assertThat(Lang.EN.percent(0.42)).isEqualTo("42%");
  }

  @Test
  void dates_and_times_are_local_to_the_zone_and_spelled_as_each_language_abbreviates() {
    // 14:44 UTC on 4 December is 15:44 in Stockholm (CET, UTC+1)
    Instant t = Instant.parse("2026-12-04T14:44:36.904441824Z");
    assertThat(Lang.SV.dateTime(t, STOCKHOLM)).isEqualTo("4 dec 2026 15:44");
    assertThat(Lang.EN.dateTime(t, STOCKHOLM)).isEqualTo("4 Dec 2026 15:44");
    // summer time: UTC+2
    assertThat(Lang.SV.dateTime(Instant.parse("2026-07-01T22:30:00Z"), STOCKHOLM))
        .isEqualTo("2 juli 2026 00:30");
    assertThat(Lang.SV.date(LocalDate.of(2025, 3, 9))).isEqualTo("9 mars 2025");
    assertThat(Lang.SV.hours(new HourWindow(18, 6))).isEqualTo("kl. 18–06");
    assertThat(Lang.EN.hours(new HourWindow(22, 24))).isEqualTo("22:00–00:00");
  }

  @Test
  void positions_are_latitude_first_with_hemispheres() {
    LonLat p = new LonLat(12.2936, 57.9953);
    assertThat(Lang.SV.position(p)).isEqualTo("57,99530°\u00a0N 12,29360°\u00a0Ö");
    assertThat(Lang.EN.position(p)).isEqualTo("57.99530°\u00a0N 12.29360°\u00a0E");
    assertThat(Lang.EN.position(new LonLat(-71.1, 42.4))).endsWith("71.10000°\u00a0W");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sv | SV",
        "EN | EN",
        "sv-SE | SV",
        "en_GB | EN",
      })
  void parses_the_lang_parameter(String text, Lang expected) {
    assertThat(Lang.parse("lang", text)).isEqualTo(expected);
  }

  @Test
  void rejects_an_unknown_language_naming_the_field() {
    assertThatThrownBy(() -> Lang.parse("lang", "fi"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).contains("lang"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | SV",
        "en-US,en;q=0.9 | EN",
        "de-DE,de;q=0.9,en;q=0.8,sv;q=0.7 | EN",
        "fi, sv;q=0.5, en;q=0.4 | SV",
        "en;q=0 , sv;q=0.1 | SV",
        "de | SV",
        "en;q=oops | SV",
      })
  void takes_the_best_supported_language_of_accept_language_else_swedish(
      String header, Lang expected) {
    assertThat(Lang.fromAcceptLanguage(header)).isEqualTo(expected);
  }
}
