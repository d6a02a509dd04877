package se.tryggkarta.lighting.coverage;

/**
 * Network-wide coverage figures, lengths in metres.
 *
 * @param litByLampsMeters length lit by working lamps
 * @param litByTagMeters length counted lit because no lamp reaches it and it is tagged lit=yes
 * @param darkBrokenMeters dark length that only broken lamps reach
 * @param darkMissingMeters dark length no lamp reaches (tagged lit=no, or untagged)
 * @param untaggedDarkMeters the part of {@code darkMissingMeters} with neither lamp nor tag
 */
public record CoverageSummary(
    int segments,
    double totalMeters,
    double litByLampsMeters,
    double litByTagMeters,
    double darkBrokenMeters,
    double darkMissingMeters,
    double untaggedDarkMeters,
    int workingLamps,
    int brokenLamps,
    int plannedLamps,
    int darkStretches) {

  public double litMeters() {
    return litByLampsMeters + litByTagMeters;
  }

  /** Lit share of the network's length, 0..1 (1 for an empty network). */
  public double litShare() {
    return totalMeters > 0 ? litMeters() / totalMeters : 1;
  }
}
