package se.tryggkarta.lighting.coverage;

import java.util.Locale;

/** What a segment's coverage figure rests on. */
public enum LitSource {
  /** At least one lamp (working or broken) reaches the segment: coverage comes from lamp data. */
  LAMPS,
  /** No lamp reaches it; the street's {@code lit=yes|no} tag decides (all lit or all dark). */
  TAG,
  /** No lamp reaches it and it has no {@code lit} tag: counted dark, cause missing. */
  NONE;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
