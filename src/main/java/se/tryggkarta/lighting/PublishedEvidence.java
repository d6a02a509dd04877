package se.tryggkarta.lighting;

/**
 * Where the public's lighting evidence comes from: a published release's protected counts (night
 * incidents, unsafe-place reports) for one release period, never the raw records. Implemented by
 * the composition root over the release feature. Thread-safe.
 */
public interface PublishedEvidence {
  /**
   * @param releasePeriod a release period id the workspace publishes ({@code 2025}, {@code
   *     last-12-months}, …)
   */
  LightingService.Evidence evidence(String workspaceId, long dataVersion, String releasePeriod);
}
