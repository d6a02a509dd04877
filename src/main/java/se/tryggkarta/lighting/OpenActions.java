package se.tryggkarta.lighting;

import java.util.Map;

/**
 * The port through which the lighting work list learns which of its items already have an open
 * action (proposed, decided or in progress), so that nobody proposes the same work twice.
 * Implemented by the walk findings' action service; thread-safe.
 */
@FunctionalInterface
public interface OpenActions {
  /** No actions anywhere (a service without the findings feature, tests). */
  OpenActions NONE = workspaceId -> Map.of();

  /**
   * The open actions by the work-list item they answer: {@code repair-<lamp id>} for a repair, the
   * dark stretch's id for a new light; the value is the action's id.
   */
  Map<String, String> byItem(String workspaceId);
}
