package se.tryggkarta.hotspot.sites;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;

/**
 * When, what and how it compares: one patrol site's events (those within its radius, as {@link
 * PatrolSite#eventsCovered} counts them) by hour of the week and by category, and its count in the
 * previous comparable period. Members only: it tells when single events happened at one place.
 * Immutable (the counts are copied in and out); thread-safe.
 *
 * <p>Hour of week: {@value #WEEKDAYS} weekdays (Monday first, ISO) × {@value #BLOCKS} two-hour
 * blocks (00–02, 02–04, …, 22–24) in the workspace's local time, so the counts sum to {@link
 * #events()}.
 */
public final class SiteProfile {
  public static final int WEEKDAYS = 7;
  public static final int BLOCKS = 12;
  public static final int BLOCK_HOURS = 2;

  private final String siteId;
  private final int[] hourOfWeek;
  private final Map<String, Integer> categories;
  private final Comparison previous;
  private final Optional<String> spaceTimeClass;

  /**
   * The site's count in the period of the same length just before the analysed one.
   *
   * @param from the previous period's start (inclusive)
   * @param to its end (exclusive): the analysed period's start
   * @param events the events of the same selection within the site's radius then
   * @param covered whether the layer holds data from {@code from} on; when false (the analysed
   *     period starts with the data, as an unbounded selection does) {@code events} is not a
   *     comparison and should not be shown as one
   */
  public record Comparison(Instant from, Instant to, int events, boolean covered) {
    public Comparison {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (events < 0) {
        throw DomainException.invalid("events", "events must be ≥ 0, was " + events);
      }
    }
  }

  /** One two-hour block of the week and its count. */
  public record Block(DayOfWeek weekday, int startHour, int events) {}

  /**
   * @param hourOfWeek {@value #WEEKDAYS}·{@value #BLOCKS} counts, index {@code (weekday − 1)·12 +
   *     hour / 2}
   * @param categories count per category code
   */
  public SiteProfile(
      String siteId,
      int[] hourOfWeek,
      Map<String, Integer> categories,
      Comparison previous,
      Optional<String> spaceTimeClass) {
    this.siteId = Objects.requireNonNull(siteId, "siteId");
    if (hourOfWeek.length != WEEKDAYS * BLOCKS) {
      throw DomainException.invalid(
          "hourOfWeek", "an hour-of-week profile has 84 counts, had " + hourOfWeek.length);
    }
    this.hourOfWeek = hourOfWeek.clone();
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(categories.entrySet());
    sorted.sort(
        Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    this.categories = java.util.Collections.unmodifiableMap(ordered);
    this.previous = Objects.requireNonNull(previous, "previous");
    this.spaceTimeClass = Objects.requireNonNull(spaceTimeClass, "spaceTimeClass");
  }

  /** The {@link PatrolSite#id()} this profile belongs to. */
  public String siteId() {
    return siteId;
  }

  /** The events in the profile (the sum of every block). */
  public int events() {
    int s = 0;
    for (int c : hourOfWeek) {
      s += c;
    }
    return s;
  }

  /** The count on a weekday in the two-hour block starting at {@code startHour} (0, 2, …, 22). */
  public int count(DayOfWeek weekday, int startHour) {
    if (startHour < 0 || startHour > 22 || startHour % BLOCK_HOURS != 0) {
      throw new IllegalArgumentException("a block starts at an even hour 0..22, not " + startHour);
    }
    return hourOfWeek[(weekday.getValue() - 1) * BLOCKS + startHour / BLOCK_HOURS];
  }

  /** The 84 counts, Monday 00–02 first (a copy). */
  public int[] hourOfWeek() {
    return hourOfWeek.clone();
  }

  /** Count per category code, most frequent first (ties by code). */
  public Map<String, Integer> categories() {
    return categories;
  }

  /** The busiest blocks with at least one event, most first (ties: earlier in the week first). */
  public List<Block> busiestBlocks(int limit) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < hourOfWeek.length; i++) {
      if (hourOfWeek[i] > 0) {
        blocks.add(
            new Block(DayOfWeek.of(i / BLOCKS + 1), (i % BLOCKS) * BLOCK_HOURS, hourOfWeek[i]));
      }
    }
    blocks.sort(Comparator.comparingInt(Block::events).reversed());
    return List.copyOf(blocks.subList(0, Math.min(limit, blocks.size())));
  }

  public Comparison previous() {
    return previous;
  }

  /** This period's events minus the previous period's (meaningful only when it is covered). */
  public int change() {
    return events() - previous.events();
  }

  /**
   * The site's emerging hot spot class (new, consecutive, intensifying, persistent, diminishing,
   * sporadic, oscillating, historical), set by {@code HotspotService} from the emerging analysis of
   * the same selection; empty when the period is too short for a trend. Nothing here guesses one.
   */
  public Optional<String> spaceTimeClass() {
    return spaceTimeClass;
  }

  /** The same profile with the emerging hot spot analysis's class of the site. */
  public SiteProfile withSpaceTimeClass(String slug) {
    return new SiteProfile(siteId, hourOfWeek, categories, previous, Optional.of(slug));
  }
}
