package se.tryggkarta.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Comma-separated values as both the HTTP query parameters and the command line's options take them
 * ({@code mass=0.25,0.5}, {@code --categories theft,violence}): one parser each, so the two front
 * ends accept the same texts and refuse them with the same message. Stateless and thread-safe.
 */
public final class CommaList {
  private CommaList() {}

  /**
   * Finite decimal numbers in the order given ({@code "0.25, 0.5"}); null or blank is the empty
   * list. Throws INVALID_INPUT naming {@code field} and the first part that is not a finite number
   * (an empty part between two commas is not one).
   */
  public static List<Double> numbers(String field, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    for (String raw : text.split(",")) {
      String part = raw.strip();
      double d;
      try {
        d = Double.parseDouble(part);
      } catch (NumberFormatException e) {
        throw notNumbers(field, part);
      }
      if (!Double.isFinite(d)) {
        throw notNumbers(field, part);
      }
      out.add(d);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Category codes ({@code "Theft, violence"}): stripped, lower-cased (codes are stored lower
   * case), empty parts dropped, duplicates once, in the order given; null or blank is the empty set
   * (all categories). Never throws: an unknown code selects nothing, which the analyses report.
   */
  public static Set<String> categories(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String code = part.strip().toLowerCase(Locale.ROOT);
      if (!code.isEmpty()) {
        out.add(code);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static DomainException notNumbers(String field, String part) {
    return DomainException.invalid(
        field, field + " must be comma-separated finite numbers, was '" + part + "'");
  }
}
