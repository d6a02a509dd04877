package se.tryggkarta.http.ogc;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.http.Params;
import se.tryggkarta.workspace.Workspace;

/**
 * The query parameters of the OGC routes, checked: each route accepts a fixed set and answers 400
 * for any other (OGC API – Features recommends it, and a public release must not silently drop a
 * caller's filter), {@code datetime} as in OGC API – Features, and the items request. Stateless.
 */
final class OgcParams {
  /** The parameters that choose a public release (see GET …/releases). */
  static final List<String> RELEASE = List.of("release", "layer", "group", "slice");

  private OgcParams() {}

  /** Refuses every parameter outside {@code allowed}; {@code f} must be json when given. */
  static void only(Context ctx, Set<String> allowed) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : new TreeSet<>(ctx.queryParamMap().keySet())) {
      if (!allowed.contains(name) && !name.equals("f")) {
        errors.add(
            FieldError.ofField(
                name,
                "'" + name + "' is not a parameter here; allowed are " + new TreeSet<>(allowed)));
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainException(
          ErrorKind.INVALID_INPUT,
          "unknown query parameter '"
              + errors.get(0).field()
              + "'; allowed are "
              + new TreeSet<>(allowed),
          Optional.of(errors.get(0).field()),
          errors,
          null);
    }
    Params.string(ctx, "f")
        .filter(f -> !f.equals("json") && !f.equals("geojson"))
        .ifPresent(
            f -> {
              throw DomainException.invalid(
                  "f", "f must be json (the only encoding), was '" + f + "'");
            });
  }

  /** Whether the caller's items come from a public release. */
  static boolean readsRelease(OgcItems.Audience audience, Context ctx) {
    return audience == OgcItems.Audience.PUBLIC
        || RELEASE.stream().anyMatch(p -> se.tryggkarta.http.Params.string(ctx, p).isPresent());
  }

  /**
   * The items request of {@code c}, after checking that only its parameters are present: paging,
   * bbox, CRS, and the collection's filters — for a release answer only the release's parameters.
   */
  static ItemsRequest items(
      Context ctx, Workspace w, OgcCollection c, OgcItems.Audience audience, boolean paged) {
    boolean release = c.fromRelease() && readsRelease(audience, ctx);
    Set<String> allowed = new TreeSet<>(List.of("crs"));
    if (paged) {
      allowed.addAll(List.of("limit", "offset", "bbox", "bbox-crs"));
    }
    if (release) {
      allowed.addAll(RELEASE);
    } else {
      if (c.timed()) {
        allowed.add("datetime");
      }
      if (c.categoryProperty().isPresent()) {
        allowed.add("category");
      }
    }
    if (c == OgcCollection.PATROL_SITES) {
      allowed.add("n");
    }
    only(ctx, allowed);
    OgcCrs crs = OgcCrs.parse("crs", Params.string(ctx, "crs"), w.crs());
    // a single feature's operation declares no paging or bbox: they are not read there
    OgcCrs bboxCrs =
        OgcCrs.parse(
            "bbox-crs", paged ? Params.string(ctx, "bbox-crs") : Optional.empty(), w.crs());
    return new ItemsRequest(
        paged ? Params.bbox(ctx, "bbox") : Optional.empty(),
        bboxCrs,
        crs,
        Params.string(ctx, "datetime").map(d -> datetime(d, w.timeZone())).orElse(TimeRange.ALL),
        Params.list(ctx, "category"),
        paged
            ? Params.integer(ctx, "limit", ItemsRequest.DEFAULT_LIMIT, 1, ItemsRequest.MAX_LIMIT)
            : ItemsRequest.DEFAULT_LIMIT,
        paged ? Params.longValue(ctx, "offset", 0, 0, Long.MAX_VALUE / 2) : 0,
        Params.integer(ctx, "n", ItemsRequest.DEFAULT_SITES, 1, 100),
        release
            ? Optional.of(
                new ItemsRequest.ReleaseChoice(
                    Params.string(ctx, "release"),
                    Params.string(ctx, "layer"),
                    Params.string(ctx, "group"),
                    Params.string(ctx, "slice")))
            : Optional.empty());
  }

  /**
   * OGC API – Features {@code datetime}: an instant, or an interval {@code start/end} whose either
   * end may be open ({@code ..} or empty). Ends are inclusive: an end given as a date includes that
   * whole day; one given as a date-time includes that instant. Dates and local times are read in
   * the workspace's zone. The result is half-open, as everywhere in the service.
   */
  static TimeRange datetime(String text, ZoneId zone) {
    String[] parts = text.split("/", -1);
    if (parts.length == 1) {
      if (isDate(parts[0])) {
        Instant start = TimeRange.parseInstant("datetime", parts[0], zone);
        return TimeRange.of(start, endOf(parts[0], zone));
      }
      Instant t = TimeRange.parseInstant("datetime", parts[0], zone);
      return TimeRange.of(t, t.plusNanos(1));
    }
    if (parts.length != 2) {
      throw DomainException.invalid(
          "datetime", "datetime must be an instant or start/end, was '" + text + "'");
    }
    Optional<Instant> from =
        open(parts[0])
            ? Optional.empty()
            : Optional.of(TimeRange.parseInstant("datetime", parts[0], zone));
    Optional<Instant> to = open(parts[1]) ? Optional.empty() : Optional.of(endOf(parts[1], zone));
    if (from.isEmpty() && to.isEmpty() && !parts[0].equals("..") && !parts[1].equals("..")) {
      throw DomainException.invalid("datetime", "datetime has no start and no end: '" + text + "'");
    }
    try {
      return new TimeRange(from, to);
    } catch (DomainException e) {
      throw DomainException.invalid("datetime", "datetime ends before it starts: '" + text + "'");
    }
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The exclusive end of an inclusive interval end. */
  private static Instant endOf(String end, ZoneId zone) {
    if (isDate(end)) {
      return LocalDate.parse(end).plusDays(1).atStartOfDay(zone).toInstant();
    }
    return TimeRange.parseInstant("datetime", end, zone).plusNanos(1);
  }
}
