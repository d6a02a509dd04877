package se.tryggkarta.route;

import java.util.List;
import se.tryggkarta.workspace.Workspace;

/**
 * The port the walk planner asks for places that need a look. This package implements it from the
 * stored layers ({@link StoredLayerPriorities}); the hotspot engine can supply its patrol sites or
 * density peaks through the same port, and {@code Wiring} hands the planner every source.
 * Implementations are thread-safe; they answer an empty list when they have nothing.
 */
@FunctionalInterface
public interface PriorityPointSource {
  /** The workspace's priority points, in any order; ids unique within one source. */
  List<PriorityPoint> priorityPoints(Workspace workspace);
}
