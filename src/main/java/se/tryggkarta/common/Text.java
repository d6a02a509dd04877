package se.tryggkarta.common;

import java.util.Objects;

/**
 * A text for people that exists in every {@link Lang}: warnings, reasons and explanations are made
 * where the facts are known and written out only when the reader's language is. Implementations are
 * immutable and thread-safe.
 */
@FunctionalInterface
public interface Text {
  /** The text in the given language. */
  String in(Lang lang);

  /** A fixed text in Swedish and English. */
  static Text of(String sv, String en) {
    Objects.requireNonNull(sv, "sv");
    Objects.requireNonNull(en, "en");
    return lang -> lang == Lang.SV ? sv : en;
  }
}
