package se.tryggkarta.layer;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;

/**
 * Which records of a layer to read. Every filter is pushed down to the store.
 *
 * @param bboxWgs84 only records whose geometry's envelope intersects this box (degrees)
 * @param time only records whose time lies in this half-open range (ignored for untimed layers)
 * @param categories only records with one of these categories (lower case); empty means all
 * @param limit the most records to return, 1..{@value #MAX_LIMIT}
 * @param offset how many matching records to skip (records come ordered by external id)
 */
public record LayerQuery(
    Optional<Bbox> bboxWgs84, TimeRange time, Set<String> categories, int limit, long offset) {
  public static final int MAX_LIMIT = 10_000_000;
  public static final LayerQuery ALL =
      new LayerQuery(Optional.empty(), TimeRange.ALL, Set.of(), MAX_LIMIT, 0);

  public LayerQuery {
    Objects.requireNonNull(bboxWgs84, "bboxWgs84");
    Objects.requireNonNull(time, "time");
    categories = Set.copyOf(categories);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.invalid("limit", "limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw DomainException.invalid("offset", "offset must be >= 0, was " + offset);
    }
  }

  public LayerQuery withPage(int limit, long offset) {
    return new LayerQuery(bboxWgs84, time, categories, limit, offset);
  }

  public LayerQuery withBbox(Bbox bbox) {
    return new LayerQuery(Optional.of(bbox), time, categories, limit, offset);
  }

  public LayerQuery withTime(TimeRange range) {
    return new LayerQuery(bboxWgs84, range, categories, limit, offset);
  }

  public LayerQuery withCategories(Set<String> cats) {
    return new LayerQuery(bboxWgs84, time, cats, limit, offset);
  }
}
