package se.tryggkarta.commitment.progress;

import java.util.Locale;

/** Where a commitment stands; see {@link Pacing} for the exact rules. */
public enum ProgressStatus {
  /** The period has not begun. */
  NOT_STARTED,
  /** At or above the linear expectation. */
  ON_TRACK,
  /** Below the expectation, but the pace still needed is at most 1.5 times the planned pace. */
  BEHIND,
  /** Below the expectation and the pace needed is more than 1.5 times the planned one. */
  AT_RISK,
  /** The target is reached. */
  MET,
  /** The period is over and the target was not reached. */
  ENDED_UNMET,
  /** There is no target to measure against; only the count done is reported. */
  NO_TARGET;

  /** {@code on-track}, as used in JSON. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
