package se.tryggkarta.store.postgis;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import se.tryggkarta.common.DomainException;

/**
 * Builds rows in PostgreSQL's COPY text format (PostgreSQL 15 manual, "COPY", File Formats → Text
 * Format): columns separated by a tab, rows ended by a newline, {@code \N} for NULL, and backslash,
 * tab, newline and carriage return escaped as {@code \\ \t \n \r}. A NUL character cannot be stored
 * in a PostgreSQL text value at all, so it is rejected as invalid input naming the field. Not
 * thread-safe; one per writer, reused row after row.
 */
final class CopyRow {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean first = true;

  /** Starts a new row, forgetting the previous one. */
  CopyRow start() {
    sb.setLength(0);
    first = true;
    return this;
  }

  /** The finished row, newline included. */
  String end() {
    sb.append('\n');
    return sb.toString();
  }

  private void separator() {
    if (!first) {
      sb.append('\t');
    }
    first = false;
  }

  CopyRow raw(String alreadySafe) {
    separator();
    sb.append(alreadySafe);
    return this;
  }

  CopyRow number(long v) {
    separator();
    sb.append(v);
    return this;
  }

  CopyRow number(double v) {
    separator();
    sb.append(v);
    return this;
  }

  CopyRow number(OptionalDouble v) {
    return v.isPresent() ? number(v.getAsDouble()) : nul();
  }

  /** An instant as ISO-8601 UTC, which {@code timestamptz} reads exactly (to the microsecond). */
  CopyRow instant(Instant t) {
    separator();
    sb.append(t);
    return this;
  }

  CopyRow text(String field, Optional<String> v) {
    return v.isPresent() ? text(field, v.get()) : nul();
  }

  CopyRow text(String field, String v) {
    if (v == null) {
      return nul();
    }
    separator();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\0' ->
            throw DomainException.invalid(field, field + " contains a NUL character (U+0000)");
        default -> sb.append(c);
      }
    }
    return this;
  }

  CopyRow nul() {
    separator();
    sb.append("\\N");
    return this;
  }
}
