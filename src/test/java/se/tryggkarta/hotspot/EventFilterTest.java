package se.tryggkarta.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;

class EventFilterTest {
  @ParameterizedTest(name = "hours {0}-{1} contains {2}: {3}")
  @CsvSource({
    "22, 5, 22, true",
    "22, 5, 23, true",
    "22, 5, 0, true",
    "22, 5, 4, true",
    "22, 5, 5, false",
    "22, 5, 12, false",
    "8, 17, 8, true",
    "8, 17, 16, true",
    "8, 17, 17, false",
    "0, 24, 23, true",
  })
  void hour_windows_wrap_midnight(int from, int to, int hour, boolean expected) {
    assertThat(new HourWindow(from, to).contains(hour)).isEqualTo(expected);
  }

  @Test
  void parses_weights_weekdays_and_half_lives() {
    assertThat(EventFilter.parseWeights("weights", "Drugs:2, violence:3"))
        .isEqualTo(Map.of("drugs", 2.0, "violence", 3.0));
    assertThat(EventFilter.parseWeekdays("weekdays", "fri,saturday"))
        .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    assertThat(EventFilter.parseHalfLife("halfLife", "30d")).isEqualTo(Duration.ofDays(30));
    assertThat(EventFilter.parseHalfLife("halfLife", "12h")).isEqualTo(Duration.ofHours(12));
    assertThat(EventFilter.parseHalfLife("halfLife", "P7D")).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void rejects_bad_weights_weekdays_half_lives_and_hours_naming_the_parameter() {
    assertField(() -> EventFilter.parseWeights("weights", "drugs=2"), "weights");
    assertField(() -> EventFilter.parseWeights("weights", "drugs:-1"), "weights");
    assertField(() -> EventFilter.parseWeekdays("weekdays", "funday"), "weekdays");
    assertField(() -> EventFilter.parseHalfLife("halfLife", "-3d"), "halfLife");
    assertField(() -> HourWindow.parse("hours", "5-5"), "hours");
    assertField(
        () -> Periods.period("train", "2024-05-01/2024-04-01", java.time.ZoneOffset.UTC), "train");
  }

  private static void assertField(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).contains(field));
  }
}
