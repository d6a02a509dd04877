package se.tryggkarta.http.ogc;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;

/**
 * A checked request for a collection's items.
 *
 * @param bbox the area features must intersect, in {@code bboxCrs} (axes in its order)
 * @param bboxCrs the system of {@code bbox} ({@code bbox-crs}, CRS84 by default)
 * @param crs the system of the answer's coordinates ({@code crs}, CRS84 by default)
 * @param time {@code datetime} as a half-open range; {@link TimeRange#ALL} when absent
 * @param categories {@code category}: only features of these categories (lower case); empty: all
 * @param limit the page size, 1..{@value #MAX_LIMIT}
 * @param offset how many matching features to skip (the {@code next} link carries it)
 * @param siteCount how many patrol sites the analysis ranks ({@code n}, 1..100)
 * @param release the release choice when the answer is a public release
 */
public record ItemsRequest(
    Optional<Bbox> bbox,
    OgcCrs bboxCrs,
    OgcCrs crs,
    TimeRange time,
    Set<String> categories,
    int limit,
    long offset,
    int siteCount,
    Optional<ReleaseChoice> release) {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 10_000;
  public static final int DEFAULT_SITES = 10;

  /** The release parameters as given; the release service checks them against its catalogue. */
  public record ReleaseChoice(
      Optional<String> period,
      Optional<String> layer,
      Optional<String> group,
      Optional<String> slice) {}

  public ItemsRequest {
    Objects.requireNonNull(bbox, "bbox");
    Objects.requireNonNull(bboxCrs, "bboxCrs");
    Objects.requireNonNull(crs, "crs");
    Objects.requireNonNull(time, "time");
    categories = Set.copyOf(categories);
    Objects.requireNonNull(release, "release");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.invalid("limit", "limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw DomainException.invalid("offset", "offset must be >= 0, was " + offset);
    }
    if (siteCount < 1 || siteCount > 100) {
      throw DomainException.invalid("n", "n must be 1..100, was " + siteCount);
    }
  }
}
