package se.tryggkarta.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;

/**
 * The query parameters each operation of the OpenAPI document declares, so that the document is the
 * single list of what a route takes: a request naming anything else is refused, and a handler
 * reading anything else is a programming error ({@link Params}). A declared name of the form {@code
 * prefix.<field>} (such as the import's {@code column.<field>}) allows every name that starts with
 * {@code prefix.}. Immutable and thread-safe.
 */
final class QueryParameters {
  /** The names one operation takes. */
  record Declared(Set<String> names, Set<String> prefixes) {
    Declared {
      names = Set.copyOf(names);
      prefixes = Set.copyOf(prefixes);
    }

    boolean allows(String name) {
      return names.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }

    /** Every declared name, sorted, with prefixes written as {@code prefix.<field>}. */
    List<String> listed() {
      TreeSet<String> all = new TreeSet<>(names);
      prefixes.forEach(p -> all.add(p + "<field>"));
      return List.copyOf(all);
    }

    /**
     * Up to three declared names near {@code unknown}: equal ignoring case, or within an optimal
     * string alignment distance (edits, with adjacent transpositions) of 40 % of the longer name.
     * Nearest first.
     */
    List<String> suggestions(String unknown) {
      String u = unknown.toLowerCase(Locale.ROOT);
      record Scored(String name, int distance) {}
      return names.stream()
          .map(n -> new Scored(n, distance(u, n.toLowerCase(Locale.ROOT))))
          .filter(s -> s.distance() <= Math.max(1, 2 * Math.max(u.length(), s.name().length()) / 5))
          .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
          .limit(3)
          .map(Scored::name)
          .toList();
    }
  }

  /** The request attribute holding the matched operation's {@link Declared} parameters. */
  static final String ATTRIBUTE = "tryggkarta.declaredQuery";

  /** Unknown names listed in one answer, and the characters of each that are echoed. */
  static final int MAX_LISTED = 20;

  static final int MAX_ECHOED_CHARS = 100;

  private static final Declared NONE = new Declared(Set.of(), Set.of());

  private final Map<String, Declared> byOperation;

  private QueryParameters(Map<String, Declared> byOperation) {
    this.byOperation = Map.copyOf(byOperation);
  }

  /**
   * Refuses a request to an API route whose query names a parameter its operation does not declare,
   * or names one parameter more than once (lists are comma-separated): INVALID_INPUT with one error
   * per offending name and, for a misspelling, the declared names it is near. Leaves the declared
   * set on the request for {@link Params}. Routes outside {@code routes} (static files) are not
   * checked.
   */
  void check(Context ctx, Set<String> routes) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    if (e == null || !routes.contains(key(e.method.name(), e.path))) {
      return;
    }
    Declared declared = of(e.method.name(), e.path).orElse(NONE);
    ctx.attribute(ATTRIBUTE, declared);
    List<FieldError> errors = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
      String name = q.getKey();
      if (errors.size() >= MAX_LISTED) {
        break;
      }
      if (!declared.allows(name)) {
        String shown = echo(name);
        List<String> near = declared.suggestions(shown);
        unknown.add(
            "'" + shown + "'" + (near.isEmpty() ? "" : " (did you mean " + quoted(near) + "?)"));
        errors.add(
            FieldError.ofField(
                pointerSafe(shown),
                "unknown parameter"
                    + (near.isEmpty() ? "" : "; did you mean " + quoted(near) + "?")));
      } else if (q.getValue().size() > 1) {
        errors.add(
            FieldError.ofField(
                pointerSafe(name),
                "given "
                    + q.getValue().size()
                    + " times; give it once (a list is one comma-separated value)"));
      }
    }
    if (errors.isEmpty()) {
      return;
    }
    String detail =
        unknown.isEmpty()
            ? "a query parameter is given more than once"
            : "unknown query parameter"
                + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown)
                + "; "
                + e.method.name()
                + " "
                + e.path
                + (declared.listed().isEmpty()
                    ? " takes no query parameters"
                    : " takes " + String.join(", ", declared.listed()));
    throw new DomainException(
        ErrorKind.INVALID_INPUT, detail, Optional.of(errors.get(0).field()), errors, null);
  }

  /** A name as echoed in an answer: at most {@value #MAX_ECHOED_CHARS} characters. */
  private static String echo(String name) {
    return name.length() <= MAX_ECHOED_CHARS ? name : name.substring(0, MAX_ECHOED_CHARS) + "…";
  }

  /** The name escaped as a JSON pointer token (RFC 6901), so the problem's pointer stays valid. */
  private static String pointerSafe(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String quoted(List<String> names) {
    return String.join(" or ", names.stream().map(n -> "'" + n + "'").toList());
  }

  /**
   * Reads every operation's query parameters (path-level and operation-level, {@code $ref}s to
   * {@code #/components/parameters} resolved) from a merged OpenAPI 3 document.
   */
  static QueryParameters of(JsonNode document) {
    JsonNode components = document.path("components").path("parameters");
    Map<String, Declared> out = new LinkedHashMap<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              JsonNode item = path.getValue();
              item.fields()
                  .forEachRemaining(
                      op -> {
                        if (op.getKey().equals("parameters")) {
                          return;
                        }
                        Set<String> names = new TreeSet<>();
                        Set<String> prefixes = new TreeSet<>();
                        collect(item.path("parameters"), components, names, prefixes);
                        collect(op.getValue().path("parameters"), components, names, prefixes);
                        out.put(key(op.getKey(), path.getKey()), new Declared(names, prefixes));
                      });
            });
    return new QueryParameters(out);
  }

  private static void collect(
      JsonNode parameters, JsonNode components, Set<String> names, Set<String> prefixes) {
    for (JsonNode p : parameters) {
      JsonNode resolved = p;
      if (p.has("$ref")) {
        String ref = p.get("$ref").asText();
        resolved = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        if (resolved.isMissingNode()) {
          throw new IllegalStateException("OpenAPI parameter " + ref + " is not defined");
        }
      }
      if (!resolved.path("in").asText().equals("query")) {
        continue;
      }
      String name = resolved.path("name").asText();
      int placeholder = name.indexOf('<');
      if (placeholder > 0 && name.endsWith(">")) {
        prefixes.add(name.substring(0, placeholder));
      } else {
        names.add(name);
      }
    }
  }

  /** What the operation at {@code method path} (a Javalin path template) declares, if described. */
  Optional<Declared> of(String method, String path) {
    return Optional.ofNullable(byOperation.get(key(method, path)));
  }

  /** The declared parameters of an operation the document does not describe: none. */
  static Declared none() {
    return NONE;
  }

  static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
