package se.tryggkarta.lighting;

import java.util.Objects;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.workspace.Workspace;

/** A workspace's coverage result; its geometry is in the workspace's CRS. */
public record NetworkCoverage(Workspace workspace, CoverageResult result) {
  public NetworkCoverage {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(result, "result");
  }
}
