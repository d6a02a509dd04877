package se.tryggkarta.http.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import se.tryggkarta.common.CommaList;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.Periods;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.workspace.Workspace;

/**
 * What the analysis routes (hotspots, tiles, lighting, commitments, routes) share: who the answer
 * is for (a member's free analysis, or a public release), the release parameters and their check,
 * members' analysis parameters, and entity tags. Stateless.
 */
final class AnalysisRequests {
  /** The parameters that choose a release; every public route accepts these. */
  static final Set<String> RELEASE_PARAMETERS = Set.of("release", "layer", "group", "slice");

  static final String PUBLIC_CACHE = "public, max-age=60";
  static final String PRIVATE_CACHE = "private, no-store";

  private AnalysisRequests() {}

  /**
   * Whether this request reads a public release: always for a caller who sees the workspace as the
   * public does (no key for it), and for a member who asks for one ({@code release=}) to see what
   * the public sees.
   */
  static boolean readsRelease(AccessPolicy policy, Context ctx, Workspace w) {
    return policy.isPublic(ctx, w.id()) || Params.string(ctx, "release").isPresent();
  }

  /**
   * The release this request chose, after checking that it asks for nothing else than a release and
   * the route's display options: a public answer never depends on a caller-chosen time window,
   * area, category set, cell size or bandwidth. Anything else answers 400 listing what may be
   * asked.
   */
  static ReleaseSelection selection(
      Context ctx, ReleaseService releases, Workspace w, String... displayOptions) {
    onlyReleaseParameters(ctx, displayOptions);
    return releases.select(
        w.id(),
        Params.string(ctx, "release"),
        Params.string(ctx, "layer"),
        Params.string(ctx, "group"),
        Params.string(ctx, "slice"));
  }

  /**
   * A release period for routes that read only a period (the lighting work list): checks that the
   * request asks for {@code release} and the options only, and selects the period's default layer,
   * group and slice.
   */
  static ReleaseSelection period(
      Context ctx, ReleaseService releases, Workspace w, String... displayOptions) {
    Set<String> allowed = new TreeSet<>(Arrays.asList(displayOptions));
    allowed.add("release");
    onlyParameters(ctx, allowed);
    return releases.select(
        w.id(),
        Params.string(ctx, "release"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Refuses every query parameter that is not a release parameter or one of the options. */
  static void onlyReleaseParameters(Context ctx, String... displayOptions) {
    Set<String> allowed = new TreeSet<>(RELEASE_PARAMETERS);
    allowed.addAll(Arrays.asList(displayOptions));
    onlyParameters(ctx, allowed);
  }

  /** Refuses every query parameter of a public answer that is not in {@code allowed}. */
  static void onlyParameters(Context ctx, Set<String> allowed) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : new TreeSet<>(ctx.queryParamMap().keySet())) {
      if (!allowed.contains(name)) {
        errors.add(
            FieldError.ofField(
                name,
                "a public release answers only "
                    + allowed
                    + "; '"
                    + name
                    + "' would be a free analysis, which only members may run"));
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainException(
          ErrorKind.INVALID_INPUT,
          "this is a public release; it may be asked for "
              + allowed
              + " only (see GET …/releases for the periods, layers, groups and slices)",
          Optional.of(errors.get(0).field()),
          errors,
          null);
    }
  }

  /**
   * Sets ETag and Cache-Control (public for release answers, else private, no-store); answers 304
   * and returns true when If-None-Match matches.
   */
  static boolean notModified(Context ctx, boolean releaseAnswer, String etag) {
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", releaseAnswer ? PUBLIC_CACHE : PRIVATE_CACHE);
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.equals(etag) || inm.equals("W/" + etag))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return true;
    }
    return false;
  }

  /** A canonical text of the request: its path and sorted query, for entity tags. */
  static String canonical(Context ctx) {
    return ctx.path() + "?" + new TreeMap<>(ctx.queryParamMap());
  }

  // ---- members' analysis parameters ----

  static DensityRequest densityRequest(Context ctx, Workspace w) {
    return new DensityRequest(
        filter(ctx, w),
        Params.decimal(ctx, "cell").orElse(DensityRequest.DEFAULT_CELL_METERS),
        bandwidth(ctx),
        kernel(ctx),
        Params.string(ctx, "edge").map(e -> flag("edge", e)).orElse(false));
  }

  static Optional<Double> bandwidth(Context ctx) {
    return DensityRequest.parseBandwidth("bandwidth", Params.string(ctx, "bandwidth").orElse(null));
  }

  static boolean flag(String name, String v) {
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw DomainException.invalid(name, name + " must be true or false, was " + v);
    };
  }

  static Kernel kernel(Context ctx) {
    return Params.string(ctx, "kernel").map(k -> Kernel.parse("kernel", k)).orElse(Kernel.QUARTIC);
  }

  static EventFilter filter(Context ctx, Workspace w) {
    Layer layer =
        Params.string(ctx, "layer").map(l -> Layer.parse("layer", l)).orElse(Layer.INCIDENTS);
    Optional<Duration> halfLife =
        Params.string(ctx, "halfLife").map(h -> EventFilter.parseHalfLife("halfLife", h));
    return new EventFilter(
        layer,
        Params.timeRange(ctx, w.timeZone()),
        Params.list(ctx, "categories"),
        Params.string(ctx, "hours").map(h -> HourWindow.parse("hours", h)),
        EventFilter.parseWeekdays("weekdays", Params.string(ctx, "weekdays").orElse("")),
        EventFilter.parseWeights("weights", Params.string(ctx, "weights").orElse("")),
        halfLife,
        Params.bbox(ctx, "bbox"));
  }

  static Optional<TimeRange> optionalPeriod(Context ctx, String name, ZoneId zone) {
    return Params.string(ctx, name).map(v -> Periods.period(name, v, zone));
  }

  static List<Double> decimals(Context ctx, String name) {
    return CommaList.numbers(name, Params.string(ctx, name).orElse(null));
  }
}
