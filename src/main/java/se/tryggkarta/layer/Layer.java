package se.tryggkarta.layer;

import java.util.Arrays;
import java.util.stream.Collectors;
import se.tryggkarta.common.DomainException;

/** The kinds of data a workspace holds, with the names used in URLs and on the command line. */
public enum Layer {
  /** Police events: a point, a time and a category. */
  INCIDENTS("incidents"),
  /** Places citizens report as unsafe (dialogues, surveys, safety walks). */
  UNSAFE_PLACES("unsafe-places"),
  /** Street lamps with their status. */
  LAMPS("lamps"),
  /** Named places such as the travel centre or a park, as polygons or points. */
  PLACES("places"),
  /** Walkable street lines, the raw material of the street network. */
  STREETS("streets");

  private final String slug;

  Layer(String slug) {
    this.slug = slug;
  }

  /** The name used in URLs, for example {@code unsafe-places}. */
  public String slug() {
    return slug;
  }

  /** True for layers whose records are points with a time (what density maps are made of). */
  public boolean isTimedPoints() {
    return this == INCIDENTS || this == UNSAFE_PLACES;
  }

  public static Layer parse(String field, String slug) {
    for (Layer l : values()) {
      if (l.slug.equals(slug)) {
        return l;
      }
    }
    throw DomainException.invalid(
        field,
        "unknown layer '"
            + slug
            + "', expected one of "
            + Arrays.stream(values()).map(Layer::slug).collect(Collectors.joining(", ")));
  }
}
