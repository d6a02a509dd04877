package se.tryggkarta.layer;

import java.util.Locale;
import se.tryggkarta.common.DomainException;

/** Whether a lamp gives light today. */
public enum LampStatus {
  WORKING,
  BROKEN,
  PLANNED;

  /** Lower-case name as used in files and JSON. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Accepts the English names and the Swedish ones lamp registers use (fungerande, trasig,
   * planerad).
   */
  public static LampStatus parse(String field, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "working", "ok", "on", "fungerande", "tänd", "tand" -> WORKING;
      case "broken", "faulty", "out", "off", "trasig", "släckt", "slackt", "ur funktion" -> BROKEN;
      case "planned", "planerad", "proposed" -> PLANNED;
      default ->
          throw DomainException.invalid(
              field, "unknown lamp status '" + text + "', expected working, broken or planned");
    };
  }
}
