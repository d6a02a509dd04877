package se.tryggkarta.lighting;

import java.util.Objects;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.priority.NightWindow;
import se.tryggkarta.lighting.priority.PriorityWeights;

/**
 * The parameters of one lighting analysis; every part has documented defaults ({@link #DEFAULT}).
 *
 * @param time only incidents and reports in this range count (default: all)
 */
public record LightingRequest(
    CoverageSettings coverage, NightWindow night, PriorityWeights weights, TimeRange time) {
  public static final LightingRequest DEFAULT =
      new LightingRequest(
          CoverageSettings.DEFAULT, NightWindow.DEFAULT, PriorityWeights.DEFAULT, TimeRange.ALL);

  public LightingRequest {
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(night, "night");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(time, "time");
  }
}
