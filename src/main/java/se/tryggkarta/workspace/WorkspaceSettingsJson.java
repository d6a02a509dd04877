package se.tryggkarta.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;

/**
 * The stored and exchanged form of {@link WorkspaceSettings}: {@code {"night": "18-06",
 * "categoryNames": {"theft": {"sv": "Stöld", "en": "Theft"}}}}. Absent members take the defaults,
 * so settings written by an older version read back whole. Thread-safe.
 */
public final class WorkspaceSettingsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WorkspaceSettingsJson() {}

  /**
   * The settings as a JSON text; category names sorted by code so equal settings give equal text.
   */
  public static String write(WorkspaceSettings s) {
    return node(s, false).toString();
  }

  /**
   * The settings as a JSON object for an API answer.
   *
   * @param effectiveNames whether {@code categoryNames} holds every name in force (the default
   *     table included) rather than only the workspace's own
   */
  public static ObjectNode node(WorkspaceSettings s, boolean effectiveNames) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("night", s.night().text());
    ObjectNode names = root.putObject("categoryNames");
    Map<String, CategoryName> m =
        new TreeMap<>(effectiveNames ? s.effectiveCategoryNames() : s.categoryNames());
    m.forEach(
        (code, n) -> {
          ObjectNode o = names.putObject(code);
          o.put("sv", n.sv());
          o.put("en", n.en());
        });
    return root;
  }

  /** Reads stored settings; null or blank text means the defaults. */
  public static WorkspaceSettings read(String json) {
    if (json == null || json.isBlank()) {
      return WorkspaceSettings.DEFAULT;
    }
    try {
      return read(MAPPER.readTree(json), WorkspaceSettings.DEFAULT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored workspace settings are not JSON", e);
    }
  }

  /**
   * Reads settings sent by a client over {@code base}: members it leaves out keep base's value.
   * Field names in errors are JSON pointers below {@code settings}.
   */
  public static WorkspaceSettings read(JsonNode n, WorkspaceSettings base) {
    if (n == null || n.isNull()) {
      return base;
    }
    if (!n.isObject()) {
      throw DomainException.invalid("settings", "settings must be a JSON object");
    }
    WorkspaceSettings s = base;
    Iterator<String> fields = n.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("night") && !f.equals("categoryNames")) {
        throw DomainException.invalid(
            "settings/" + f, "unknown setting '" + f + "'; known: night, categoryNames");
      }
    }
    JsonNode night = n.get("night");
    if (night != null && !night.isNull()) {
      if (!night.isTextual()) {
        throw DomainException.invalid("settings/night", "night must be hours like \"18-06\"");
      }
      s = s.withNight(HourWindow.parse("settings/night", night.asText()));
    }
    JsonNode names = n.get("categoryNames");
    if (names != null && !names.isNull()) {
      if (!names.isObject()) {
        throw DomainException.invalid(
            "settings/categoryNames", "categoryNames must map codes to {\"sv\": …, \"en\": …}");
      }
      Map<String, CategoryName> m = new LinkedHashMap<>();
      var it = names.fields();
      while (it.hasNext()) {
        var e = it.next();
        String pointer = "settings/categoryNames/" + e.getKey();
        JsonNode v = e.getValue();
        if (!v.isObject() || !v.path("sv").isTextual() || !v.path("en").isTextual()) {
          throw DomainException.invalid(pointer, "a name must be {\"sv\": \"…\", \"en\": \"…\"}");
        }
        try {
          m.put(e.getKey(), new CategoryName(v.get("sv").asText(), v.get("en").asText()));
        } catch (DomainException ex) {
          throw DomainException.invalid(pointer, ex.getMessage());
        }
      }
      s = s.withCategoryNames(m);
    }
    return s;
  }
}
