package se.tryggkarta.workspace;

import java.util.Locale;
import se.tryggkarta.common.DomainException;

/**
 * How a category code reads to people, in Swedish and English. The stored code ("theft",
 * "misshandel") stays as it came; only what a person reads changes.
 *
 * @param sv the Swedish display name, for example "Stöld"
 * @param en the English display name, for example "Theft"
 */
public record CategoryName(String sv, String en) {
  public CategoryName {
    if (sv == null || sv.isBlank() || sv.length() > 100) {
      throw DomainException.invalid("sv", "a Swedish name of 1..100 characters is required");
    }
    if (en == null || en.isBlank() || en.length() > 100) {
      throw DomainException.invalid("en", "an English name of 1..100 characters is required");
    }
  }

  /** The name in a language: {@code en} for English, Swedish for everything else. */
  public String in(Locale language) {
    return language.getLanguage().equals("en") ? en : sv;
  }

  /** A code without a display name reads as itself with a capital first letter. */
  static CategoryName ofCode(String code) {
    String text =
        code.isEmpty() ? code : code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
    return new CategoryName(text, text);
  }
}
