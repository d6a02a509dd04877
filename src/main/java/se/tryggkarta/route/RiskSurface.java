package se.tryggkarta.route;

import se.tryggkarta.common.LonLat;
import se.tryggkarta.workspace.Workspace;

/**
 * Where a safe route's risk comes from when not from the raw incidents: for the public, a release's
 * density smoothed from protected counts. Values are non-negative and only their ratio matters (the
 * router divides by the largest on the network). Thread-safe.
 */
public interface RiskSurface {
  /** The risk at a point, ≥ 0 (for example events per km²). */
  double at(LonLat p);

  /** Gives the surface for one workspace's request (implemented by the composition root). */
  interface Source {
    RiskSurface of(Workspace workspace);
  }
}
