package se.tryggkarta.release;

import java.util.Arrays;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/**
 * The hours a release counts: all day, or the workspace's night ({@code settings().night()}). Each
 * event is in exactly one of the two protected tables, day or night; "all" is their sum.
 */
public enum Slice {
  ALL("all"),
  NIGHT("night");

  private final String slug;

  Slice(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static Slice parse(String field, String text) {
    for (Slice s : values()) {
      if (s.slug.equals(text)) {
        return s;
      }
    }
    throw DomainException.invalid(
        field,
        field
            + " must be one of "
            + Arrays.stream(values()).map(Slice::slug).collect(Collectors.joining(", "))
            + ", was '"
            + text
            + "'");
  }
}
