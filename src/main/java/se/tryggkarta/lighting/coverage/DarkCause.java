package se.tryggkarta.lighting.coverage;

import java.util.Locale;

/** Why a stretch of street is dark. */
public enum DarkCause {
  /** No lamp reaches it (or, without lamp data there, the street is tagged {@code lit=no}). */
  MISSING,
  /** Only broken lamps reach it: repairing them would light it. */
  BROKEN;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
