package se.tryggkarta.ingest;

import java.util.Locale;
import se.tryggkarta.common.DomainException;

/** What an import does with invalid records. */
public enum OnInvalid {
  /** Any invalid record rejects the whole file; nothing is stored (the default). */
  REJECT,
  /** Valid records are stored; invalid ones are skipped and listed in the report. */
  SKIP;

  public static OnInvalid parse(String field, String text) {
    return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
      case "reject", "fail", "abort" -> REJECT;
      case "skip" -> SKIP;
      default ->
          throw DomainException.invalid(
              field, "onInvalid must be 'reject' or 'skip', was '" + text + "'");
    };
  }
}
