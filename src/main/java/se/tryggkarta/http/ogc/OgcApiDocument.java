package se.tryggkarta.http.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import se.tryggkarta.http.Json;
import se.tryggkarta.workspace.Workspace;

/**
 * The API definition a workspace's OGC API links as {@code service-desc}: the same OpenAPI fragment
 * that describes {@code /ogc/{ws}/…} in {@code /openapi.json}, rewritten so that the workspace's
 * landing page is the server and the paths are the ones OGC API – Features names ({@code /}, {@code
 * /conformance}, {@code /collections}, …). One source, so the two cannot disagree. Thread-safe.
 */
final class OgcApiDocument {
  static final String FRAGMENT = "openapi/ogc.json";
  private static final String PREFIX = OgcRoutes.WS;
  private static final String WS_PARAMETER = "#/components/parameters/ws";

  private final ObjectMapper mapper = Json.mapper();
  private final JsonNode fragment = read(mapper);

  /** The definition for one workspace, its server the workspace's OGC base URL. */
  byte[] forWorkspace(String wsBase, Workspace w) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Tryggkarta – " + w.name() + " (OGC API – Features and Tiles)");
    info.put("version", "1.0.0");
    info.put(
        "description",
        "OGC API – Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS; Part 3 queryables) and"
            + " OGC API – Tiles for the workspace '"
            + w.id()
            + "'. Send an API key as Authorization: Bearer tk.…; without one, a public workspace"
            + " shows its release products only.");
    doc.putArray("servers").addObject().put("url", wsBase);
    doc.putArray("security")
        .add(mapper.createObjectNode().set("bearer", mapper.createArrayNode()))
        .addObject();
    ArrayNode tags = doc.putArray("tags");
    fragment.path("x-tags").forEach(tags::add);
    ObjectNode paths = doc.putObject("paths");
    Iterator<Map.Entry<String, JsonNode>> it = fragment.get("paths").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().startsWith(PREFIX)) {
        continue;
      }
      String path = e.getKey().substring(PREFIX.length());
      paths.set(path.isEmpty() ? "/" : path, withoutWorkspaceParameter(e.getValue().deepCopy()));
    }
    ObjectNode components = fragment.get("components").deepCopy();
    components
        .putObject("securitySchemes")
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("description", "A Tryggkarta API key (tk.<id>.<secret>).");
    doc.set("components", components);
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode withoutWorkspaceParameter(JsonNode pathItem) {
    JsonNode params = pathItem.get("parameters");
    if (params instanceof ArrayNode a) {
      for (int i = a.size() - 1; i >= 0; i--) {
        if (WS_PARAMETER.equals(a.get(i).path("$ref").asText())) {
          a.remove(i);
        }
      }
      if (a.isEmpty()) {
        ((ObjectNode) pathItem).remove("parameters");
      }
    }
    return pathItem;
  }

  private static JsonNode read(ObjectMapper mapper) {
    try (InputStream in = OgcApiDocument.class.getClassLoader().getResourceAsStream(FRAGMENT)) {
      if (in == null) {
        throw new IllegalStateException("missing OpenAPI resource " + FRAGMENT);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FRAGMENT, e);
    }
  }
}
