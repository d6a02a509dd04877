package se.tryggkarta.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.CommaList;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Reads query parameters with errors that name the parameter. Times accept an ISO-8601 instant with
 * offset, a local date-time, or a date, read in the workspace's zone. Stateless.
 *
 * <p>Handlers read query parameters only through this class (an architecture test holds them to
 * it), and only parameters their OpenAPI operation declares: reading another is a programming error
 * (IllegalStateException, a 500 that every test of the route sees), because a request naming it
 * would have been refused as unknown.
 */
public final class Params {
  private Params() {}

  /**
   * The workspace of the {@code {ws}} path parameter: the one the access policy read for this
   * request when it did, else from the service (NOT_FOUND when there is none).
   */
  public static Workspace workspace(Context ctx, WorkspaceService workspaces) {
    String id = ctx.pathParam("ws");
    Workspace read = ctx.attribute(AccessPolicy.WORKSPACE_ATTRIBUTE);
    return read != null && read.id().equals(id) ? read : workspaces.getWorkspace(id);
  }

  /**
   * The language texts for people are written in: the {@code lang} parameter ({@code sv} or {@code
   * en}), else the best of the request's {@code Accept-Language}, else Swedish.
   */
  public static Lang lang(Context ctx) {
    return string(ctx, "lang")
        .map(l -> Lang.parse("lang", l))
        .orElseGet(() -> Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  public static Optional<String> string(Context ctx, String name) {
    QueryParameters.Declared declared = ctx.attribute(QueryParameters.ATTRIBUTE);
    if (declared != null && !declared.allows(name)) {
      throw new IllegalStateException(
          ctx.method()
              + " "
              + ctx.endpoints().matchedHttpEndpoint().path
              + " reads the query parameter '"
              + name
              + "', which its OpenAPI operation does not declare");
    }
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    Optional<String> v = string(ctx, name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v.get());
      if (i < min || i > max) {
        throw DomainException.invalid(name, name + " must be " + min + ".." + max + ", was " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name, name + " must be a whole number, was '" + v.get() + "'");
    }
  }

  public static long longValue(Context ctx, String name, long fallback, long min, long max) {
    Optional<String> v = string(ctx, name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      long i = Long.parseLong(v.get());
      if (i < min || i > max) {
        throw DomainException.invalid(name, name + " must be " + min + ".." + max + ", was " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name, name + " must be a whole number, was '" + v.get() + "'");
    }
  }

  public static Optional<Double> decimal(Context ctx, String name) {
    return string(ctx, name)
        .map(
            v -> {
              try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                  throw DomainException.invalid(name, name + " must be finite, was " + v);
                }
                return d;
              } catch (NumberFormatException e) {
                throw DomainException.invalid(name, name + " must be a number, was '" + v + "'");
              }
            });
  }

  public static Optional<Bbox> bbox(Context ctx, String name) {
    return string(ctx, name).map(v -> Bbox.parse(name, v));
  }

  /** A comma-separated list of category codes, read as {@link CommaList#categories} reads it. */
  public static Set<String> list(Context ctx, String name) {
    return CommaList.categories(string(ctx, name).orElse(null));
  }

  /**
   * {@code from} and {@code to} as a half-open range; throws when {@code to} is not after {@code
   * from}.
   */
  public static TimeRange timeRange(Context ctx, ZoneId zone) {
    Optional<Instant> from = string(ctx, "from").map(v -> TimeRange.parseInstant("from", v, zone));
    Optional<Instant> to = string(ctx, "to").map(v -> TimeRange.parseInstant("to", v, zone));
    return new TimeRange(from, to);
  }
}
