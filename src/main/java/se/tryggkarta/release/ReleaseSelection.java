package se.tryggkarta.release;

import java.util.Objects;
import se.tryggkarta.layer.Layer;

/**
 * What a public caller chose: a release (layer and period) and which of its counts to show (a
 * category group, all day or night). Checked against the workspace's catalogue by {@link
 * ReleaseService#select}.
 */
public record ReleaseSelection(
    String workspaceId, Layer layer, ReleasePeriod period, String group, Slice slice) {
  public ReleaseSelection {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(slice, "slice");
  }

  /** A canonical text for cache keys and entity tags. */
  public String canonical() {
    return layer.slug() + "|" + period.id() + "|" + group + "|" + slice.slug();
  }
}
