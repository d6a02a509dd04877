package se.tryggkarta.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import se.tryggkarta.http.auth.Access;

/**
 * Serves the OpenAPI 3 description at {@code /openapi.json}, merged from {@code openapi/base.json}
 * and each route group's fragment (their {@code paths} and {@code components}), and Swagger UI at
 * {@code /swagger}. The description is hand-written next to the routes because the
 * annotation-driven generator does not run on Javalin 7 and would describe GeoJSON poorly.
 */
final class OpenApiRoutes implements RouteGroup {
  private final ObjectNode tree;
  private final byte[] document;

  OpenApiRoutes(ObjectMapper mapper, List<String> fragments) {
    ObjectNode base = (ObjectNode) read(mapper, "openapi/base.json");
    for (String fragment : fragments) {
      JsonNode part = read(mapper, fragment);
      merge(base, part, "paths");
      if (part.has("components")) {
        ObjectNode components = base.with("components");
        Iterator<Map.Entry<String, JsonNode>> it = part.get("components").fields();
        while (it.hasNext()) {
          var e = it.next();
          components.with(e.getKey()).setAll((ObjectNode) e.getValue());
        }
      }
    }
    this.tree = base;
    try {
      this.document = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The merged document (do not modify). */
  JsonNode document() {
    return tree;
  }

  /** The merged document as served: pretty-printed UTF-8 JSON (a copy). */
  byte[] documentBytes() {
    return document.clone();
  }

  private static void merge(ObjectNode base, JsonNode part, String key) {
    if (part.has(key)) {
      base.with(key).setAll((ObjectNode) part.get(key));
    }
  }

  private static JsonNode read(ObjectMapper mapper, String resource) {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing OpenAPI resource " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get(
        "/openapi.json", Access.OPEN, ctx -> ctx.contentType("application/json").result(document));
    routes.get("/swagger", Access.OPEN, ctx -> ctx.redirect("/swagger/index.html"));
  }
}
