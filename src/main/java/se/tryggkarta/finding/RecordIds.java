package se.tryggkarta.finding;

import java.util.UUID;
import java.util.regex.Pattern;
import se.tryggkarta.common.DomainException;

/**
 * The ids of walks, findings, photos, actions and tips: 1–64 of {@code A-Z a-z 0-9 _ -}. Phones
 * make their own (a UUID) before they are online, so that a finding synced twice is stored once.
 */
public final class RecordIds {
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  private RecordIds() {}

  /** The id, or INVALID_INPUT naming the field. */
  public static String check(String field, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw DomainException.invalid(
          field, field + " must be 1-64 of A-Z a-z 0-9 _ -, was '" + id + "'");
    }
    return id;
  }

  /** A fresh random id with a prefix naming its kind, e.g. {@code f-3c9a…}. */
  public static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** Text that must be present and at most {@code max} characters, stripped. */
  static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, field + " is required");
    }
    return limit(field, value.strip(), max);
  }

  static String limit(String field, String value, int max) {
    if (value.length() > max) {
      throw DomainException.invalid(field, field + " is longer than " + max + " characters");
    }
    return value;
  }
}
