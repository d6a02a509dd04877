package se.tryggkarta.finding.action;

import java.util.List;

/**
 * An action after a status change, with what did not follow from it (a done action whose
 * commitment's period does not cover the day is not counted there).
 */
public record StatusResult(Action action, List<String> warnings) {
  public StatusResult {
    warnings = List.copyOf(warnings);
  }
}
