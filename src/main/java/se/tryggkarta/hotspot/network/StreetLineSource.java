package se.tryggkarta.hotspot.network;

import java.util.Optional;
import se.tryggkarta.workspace.Workspace;

/**
 * The port through which hot-street analyses get a workspace's street network, in the workspace's
 * CRS; implemented at the composition root from the route feature's street graph, so the hotspot
 * core needs no routing code. Implementations are thread-safe.
 */
@FunctionalInterface
public interface StreetLineSource {
  /** The workspace's walkable street network; empty when it has none (none was imported). */
  Optional<LineNetwork> streets(Workspace workspace);
}
