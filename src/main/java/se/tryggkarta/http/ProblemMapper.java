package se.tryggkarta.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer: domain errors by
 * their {@link ErrorKind}, Javalin's own {@link HttpResponseException}s (which a catch-all handler
 * does not see), JSON parse errors, unknown routes, and anything unexpected (500, with the stack
 * trace in the log and never in the body).
 *
 * <p>Body: {@code type} (a URN per kind), {@code title}, {@code status}, {@code detail}, {@code
 * instance} (the path), {@code field} when one parameter is to blame, and {@code errors}: a list of
 * {@code {record, field, reason, pointer}} where {@code pointer} is a JSON pointer such as {@code
 * /records/12/occurred_at} (record 12 of an uploaded file) or {@code /bandwidth} (a parameter).
 */
public final class ProblemMapper {
  public static final String PROBLEM_JSON = "application/problem+json";

  /** Seconds a client should wait before retrying after a 503 or 429. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  static void install(RoutesConfig routes) {
    routes.exception(DomainException.class, (e, ctx) -> write(ctx, e));
    routes.exception(HttpResponseException.class, (e, ctx) -> writeHttp(ctx, e));
    routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, fromJson(e)));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          write(
              ctx,
              500,
              "internal",
              "Internal error",
              "an unexpected error occurred; see the server log",
              null,
              List.of());
        });
    routes.error(
        404,
        ctx -> {
          if (!isProblem(ctx)) {
            write(
                ctx,
                404,
                "not-found",
                "Not found",
                "no resource at " + ctx.path(),
                null,
                List.of());
          }
        });
    routes.error(
        405,
        ctx -> {
          if (!isProblem(ctx)) {
            write(
                ctx,
                405,
                "method-not-allowed",
                "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path(),
                null,
                List.of());
          }
        });
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(PROBLEM_JSON);
  }

  static int status(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> 400;
      case UNPROCESSABLE -> 422;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_FORMAT -> 415;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  static void write(Context ctx, DomainException e) {
    int status = status(e.kind());
    if (e.kind() == ErrorKind.UNAVAILABLE || e.kind() == ErrorKind.RATE_LIMITED) {
      ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      LOG.warn("{} {} answered {}: {}", ctx.method(), ctx.path(), status, e.getMessage());
    }
    if (e.kind() == ErrorKind.UNAUTHENTICATED) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    write(
        ctx,
        status,
        slug(e.kind()),
        title(e.kind()),
        e.getMessage(),
        e.field().orElse(null),
        e.errors());
  }

  private static void writeHttp(Context ctx, HttpResponseException e) {
    int status = e.getStatus();
    String detail =
        e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + status : e.getMessage();
    switch (status) {
      case 400 -> write(ctx, 400, "invalid-input", "Invalid input", detail, null, List.of());
      case 404 ->
          write(
              ctx, 404, "not-found", "Not found", "no resource at " + ctx.path(), null, List.of());
      case 405 ->
          write(ctx, 405, "method-not-allowed", "Method not allowed", detail, null, List.of());
      case 413 -> write(ctx, 413, "too-large", "Too large", detail, null, List.of());
      default ->
          write(
              ctx,
              status,
              status >= 500 ? "internal" : "http-" + status,
              "HTTP " + status,
              detail,
              null,
              List.of());
    }
  }

  static DomainException fromJson(JsonProcessingException e) {
    String field = "body";
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
              .collect(Collectors.joining("/"));
    }
    String reason;
    if (e instanceof UnrecognizedPropertyException u) {
      reason = "unknown field '" + u.getPropertyName() + "'";
    } else if (e instanceof InvalidFormatException f) {
      reason = "invalid value '" + f.getValue() + "'";
    } else {
      reason = "malformed JSON: " + e.getOriginalMessage();
    }
    return DomainException.invalid(field, reason);
  }

  private static void write(
      Context ctx,
      int status,
      String slug,
      String title,
      String detail,
      String field,
      List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:tryggkarta:problem:" + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", ctx.path());
    if (field != null) {
      body.put("field", field);
    }
    if (!errors.isEmpty()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (FieldError fe : errors) {
        Map<String, Object> item = new LinkedHashMap<>();
        fe.record().ifPresent(r -> item.put("record", r));
        item.put("field", fe.field());
        item.put("reason", fe.reason());
        item.put(
            "pointer",
            fe.record().map(r -> "/records/" + r + "/" + fe.field()).orElse("/" + fe.field()));
        list.add(item);
      }
      body.put("errors", list);
    }
    ctx.status(status).json(body).contentType(PROBLEM_JSON);
  }

  private static String slug(ErrorKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String title(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> "Invalid input";
      case UNPROCESSABLE -> "Cannot be done";
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Conflict";
      case UNAUTHENTICATED -> "Authentication required";
      case FORBIDDEN -> "Forbidden";
      case TOO_LARGE -> "Too large";
      case UNSUPPORTED_FORMAT -> "Unsupported format";
      case RATE_LIMITED -> "Too many requests";
      case UNAVAILABLE -> "Service unavailable";
    };
  }
}
