package se.tryggkarta.commitment.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.tryggkarta.common.DomainException;

class PacingTest {
  static final double EPS = 1e-9;

  /**
   * name, start, end, target (−1: none), done, asOf, N, e, expected, projected (NaN: none), status.
   */
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "leap year: 29 Feb is day 60 of 366",
            "2024-01-01",
            "2024-12-31",
            366,
            60,
            "2024-02-29",
            366,
            60,
            60.0,
            366.0,
            ProgressStatus.ON_TRACK),
        Arguments.of(
            "common year: 1 Mar is day 60 of 365",
            "2023-01-01",
            "2023-12-31",
            365,
            59,
            "2023-03-01",
            365,
            60,
            60.0,
            59 * 365 / 60.0,
            ProgressStatus.BEHIND),
        Arguments.of(
            "not yet started",
            "2024-01-01",
            "2024-12-31",
            100,
            0,
            "2023-12-31",
            366,
            0,
            0.0,
            Double.NaN,
            ProgressStatus.NOT_STARTED),
        Arguments.of(
            "first day counts as elapsed",
            "2024-01-01",
            "2024-12-31",
            366,
            1,
            "2024-01-01",
            366,
            1,
            1.0,
            366.0,
            ProgressStatus.ON_TRACK),
        Arguments.of(
            "last day, short: at risk",
            "2024-01-01",
            "2024-12-31",
            366,
            300,
            "2024-12-31",
            366,
            366,
            366.0,
            300.0,
            ProgressStatus.AT_RISK),
        Arguments.of(
            "already ended, unmet",
            "2021-04-01",
            "2023-12-31",
            500,
            312,
            "2024-06-01",
            1005,
            1005,
            500.0,
            312.0,
            ProgressStatus.ENDED_UNMET),
        Arguments.of(
            "already ended, met",
            "2021-04-01",
            "2023-12-31",
            500,
            512,
            "2024-06-01",
            1005,
            1005,
            500.0,
            512.0,
            ProgressStatus.MET),
        Arguments.of(
            "met early",
            "2024-01-01",
            "2024-12-31",
            6,
            6,
            "2024-03-01",
            366,
            61,
            6 * 61 / 366.0,
            6 * 366 / 61.0,
            ProgressStatus.MET),
        // 100 days (31 + 29 + 31 + 9), day 50 is 19 Feb: E = 50; ρ = ((100 − d)/50) / (100/100)
        Arguments.of(
            "behind: ρ = 60/50 = 1.2",
            "2024-01-01",
            "2024-04-09",
            100,
            40,
            "2024-02-19",
            100,
            50,
            50.0,
            80.0,
            ProgressStatus.BEHIND),
        Arguments.of(
            "at risk: ρ = 80/50 = 1.6",
            "2024-01-01",
            "2024-04-09",
            100,
            20,
            "2024-02-19",
            100,
            50,
            50.0,
            40.0,
            ProgressStatus.AT_RISK),
        Arguments.of(
            "on the line is on track",
            "2024-01-01",
            "2024-04-09",
            100,
            50,
            "2024-02-19",
            100,
            50,
            50.0,
            100.0,
            ProgressStatus.ON_TRACK),
        Arguments.of(
            "no target",
            "2024-01-01",
            "2024-04-09",
            -1,
            7,
            "2024-02-19",
            100,
            50,
            0.0,
            14.0,
            ProgressStatus.NO_TARGET),
        Arguments.of(
            "one-day period",
            "2025-05-17",
            "2025-05-17",
            1,
            0,
            "2025-05-17",
            1,
            1,
            1.0,
            0.0,
            ProgressStatus.AT_RISK));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void pacing_follows_the_linear_expectation(
      String name,
      String start,
      String end,
      long target,
      long done,
      String asOf,
      long n,
      long e,
      double expected,
      double projected,
      ProgressStatus status) {
    Progress p =
        Pacing.progress(
            LocalDate.parse(start),
            LocalDate.parse(end),
            target < 0 ? OptionalLong.empty() : OptionalLong.of(target),
            done,
            LocalDate.parse(asOf));
    assertThat(p.totalDays()).isEqualTo(n);
    assertThat(p.elapsedDays()).isEqualTo(e);
    assertThat(p.expectedByNow()).isCloseTo(expected, within(EPS));
    if (Double.isNaN(projected)) {
      assertThat(p.projectedAtEnd()).isEmpty();
    } else {
      assertThat(p.projectedAtEnd())
          .hasValueSatisfying(v -> assertThat(v).isCloseTo(projected, within(EPS)));
    }
    assertThat(p.status()).isEqualTo(status);
  }

  @Test
  void pace_needed_is_the_remaining_count_over_the_remaining_weeks() {
    // 100 − 40 = 60 left over 100 − 50 = 50 days: 60 · 7 / 50 = 8.4 a week
    Progress p =
        Pacing.progress(
            LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-04-09"),
            OptionalLong.of(100),
            40,
            LocalDate.parse("2024-02-19"));
    assertThat(p.neededPerWeek())
        .hasValueSatisfying(v -> assertThat(v).isCloseTo(8.4, within(EPS)));
    assertThat(p.fractionDone()).contains(0.4);
  }

  /** 100 days from 1 Jan 2024, target 100, milestone 40 by 10 Jan (day 10). */
  static Progress withMilestone(long done, String asOf) {
    return Pacing.progress(
        LocalDate.parse("2024-01-01"),
        LocalDate.parse("2024-04-09"),
        OptionalLong.of(100),
        java.util.List.of(new Milestone(LocalDate.parse("2024-01-10"), 40)),
        done,
        LocalDate.parse(asOf));
  }

  @Test
  void milestones_bend_the_expectation_through_each_goal() {
    // day 5: on the way from (0, 0) to (10, 40): E = 20
    assertThat(withMilestone(0, "2024-01-05").expectedByNow()).isCloseTo(20.0, within(EPS));
    // day 10: the milestone itself
    assertThat(withMilestone(0, "2024-01-10").expectedByNow()).isCloseTo(40.0, within(EPS));
    // day 50: from (10, 40) to (100, 100): E = 40 + 60 · 40/90 = 66.667
    Progress p = withMilestone(52, "2024-02-19");
    assertThat(p.expectedByNow()).isCloseTo(40 + 60 * 40 / 90.0, within(EPS));
    // ρ = (100 − 52) / (100 − 66.667) = 1.44: behind; 45 done gives ρ = 1.65: at risk
    assertThat(p.status()).isEqualTo(ProgressStatus.BEHIND);
    assertThat(withMilestone(45, "2024-02-19").status()).isEqualTo(ProgressStatus.AT_RISK);
    assertThat(withMilestone(67, "2024-02-19").status()).isEqualTo(ProgressStatus.ON_TRACK);
  }

  @Test
  void rejects_milestones_outside_the_period_or_out_of_order() {
    assertThatThrownBy(
            () ->
                Pacing.checkMilestones(
                    LocalDate.parse("2024-01-01"),
                    LocalDate.parse("2024-12-31"),
                    OptionalLong.of(10),
                    java.util.List.of(new Milestone(LocalDate.parse("2025-01-01"), 5))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("milestones/0/date"));
    assertThatThrownBy(
            () ->
                Pacing.checkMilestones(
                    LocalDate.parse("2024-01-01"),
                    LocalDate.parse("2024-12-31"),
                    OptionalLong.of(10),
                    java.util.List.of(
                        new Milestone(LocalDate.parse("2024-06-01"), 5),
                        new Milestone(LocalDate.parse("2024-07-01"), 4))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("milestones/1/count"));
  }

  @Test
  void rejects_a_period_ending_before_it_starts() {
    assertThatThrownBy(
            () ->
                Pacing.progress(
                    LocalDate.parse("2024-02-01"),
                    LocalDate.parse("2024-01-31"),
                    OptionalLong.of(1),
                    0,
                    LocalDate.parse("2024-01-01")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("2024-01-31");
  }
}
