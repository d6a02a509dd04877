package se.tryggkarta.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.CategoryName;

/**
 * {@link ReleaseSettings} as JSON, for storage and the settings route. A client body may leave out
 * members (they keep the base's value); unknown members are an error naming them. Errors name the
 * field as a JSON pointer. Thread-safe.
 */
public final class ReleaseSettingsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          "layers",
          "cellMeters",
          "bandwidthMeters",
          "groups",
          "epsilonPerMonth",
          "maxVersionsPerMonth",
          "firstMonth",
          "defaultPeriod");

  private ReleaseSettingsJson() {}

  public static ObjectNode node(ReleaseSettings s) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode layers = o.putArray("layers");
    s.layers().forEach(l -> layers.add(l.slug()));
    o.put("cellMeters", s.cellMeters());
    o.put("bandwidthMeters", s.bandwidthMeters());
    ObjectNode groups = o.putObject("groups");
    for (Layer l : Layer.values()) {
      List<CategoryGroup> list = s.groupsOf(l);
      if (list.isEmpty()) {
        continue;
      }
      ArrayNode a = groups.putArray(l.slug());
      for (CategoryGroup g : list) {
        ObjectNode go = a.addObject();
        go.put("id", g.id());
        go.putObject("name").put("sv", g.name().sv()).put("en", g.name().en());
        ArrayNode cats = go.putArray("categories");
        g.categories().stream().sorted().forEach(cats::add);
      }
    }
    o.put("epsilonPerMonth", s.epsilonPerMonth());
    o.put("maxVersionsPerMonth", s.maxVersionsPerMonth());
    s.firstMonth().ifPresent(m -> o.put("firstMonth", m.toString()));
    s.defaultPeriod().ifPresent(p -> o.put("defaultPeriod", p));
    return o;
  }

  public static String write(ReleaseSettings s) {
    return node(s).toString();
  }

  /** Stored settings; absent means the defaults. */
  public static ReleaseSettings read(Optional<String> stored) {
    if (stored.isEmpty()) {
      return ReleaseSettings.DEFAULT;
    }
    try {
      return read(MAPPER.readTree(stored.get()), ReleaseSettings.DEFAULT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored release settings are not JSON", e);
    }
  }

  /** A client's settings over {@code base}. */
  public static ReleaseSettings read(JsonNode n, ReleaseSettings base) {
    if (n == null || !n.isObject()) {
      throw DomainException.invalid("", "release settings must be a JSON object");
    }
    Iterator<String> names = n.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!FIELDS.contains(f)) {
        throw DomainException.invalid(f, "unknown setting '" + f + "'; known: " + FIELDS);
      }
    }
    List<Layer> layers = base.layers();
    if (n.has("layers")) {
      layers = new ArrayList<>();
      JsonNode a = n.get("layers");
      if (!a.isArray()) {
        throw DomainException.invalid("layers", "layers must be an array of layer names");
      }
      for (int i = 0; i < a.size(); i++) {
        layers.add(Layer.parse("layers/" + i, a.get(i).asText()));
      }
    }
    Map<Layer, List<CategoryGroup>> groups = base.groups();
    if (n.has("groups")) {
      groups = new EnumMap<>(Layer.class);
      JsonNode g = n.get("groups");
      if (!g.isObject()) {
        throw DomainException.invalid("groups", "groups must map a layer to a list of groups");
      }
      var it = g.fields();
      while (it.hasNext()) {
        var e = it.next();
        Layer l = Layer.parse("groups/" + e.getKey(), e.getKey());
        groups.put(l, groups(e.getValue(), "groups/" + e.getKey()));
      }
    }
    return new ReleaseSettings(
        layers,
        number(n, "cellMeters", base.cellMeters()),
        number(n, "bandwidthMeters", base.bandwidthMeters()),
        groups,
        number(n, "epsilonPerMonth", base.epsilonPerMonth()),
        (int) number(n, "maxVersionsPerMonth", base.maxVersionsPerMonth()),
        n.has("firstMonth") ? month(n.get("firstMonth")) : base.firstMonth(),
        n.has("defaultPeriod")
            ? Optional.ofNullable(
                n.get("defaultPeriod").isNull() ? null : n.get("defaultPeriod").asText())
            : base.defaultPeriod());
  }

  private static List<CategoryGroup> groups(JsonNode a, String pointer) {
    if (!a.isArray()) {
      throw DomainException.invalid(pointer, "a layer's groups must be an array");
    }
    List<CategoryGroup> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonNode g = a.get(i);
      String p = pointer + "/" + i;
      if (!g.isObject()
          || !g.path("id").isTextual()
          || !g.path("name").path("sv").isTextual()
          || !g.path("name").path("en").isTextual()
          || !g.path("categories").isArray()) {
        throw DomainException.invalid(
            p, "a group is {\"id\", \"name\": {\"sv\", \"en\"}, \"categories\": [...]}");
      }
      Set<String> cats = new LinkedHashSet<>();
      g.get("categories").forEach(c -> cats.add(c.asText()));
      try {
        out.add(
            new CategoryGroup(
                g.get("id").asText(),
                new CategoryName(g.at("/name/sv").asText(), g.at("/name/en").asText()),
                cats));
      } catch (DomainException e) {
        throw DomainException.invalid(p + "/" + e.field().orElse("id"), e.getMessage());
      }
    }
    return out;
  }

  private static double number(JsonNode n, String field, double base) {
    if (!n.has(field)) {
      return base;
    }
    if (!n.get(field).isNumber()) {
      throw DomainException.invalid(field, field + " must be a number");
    }
    return n.get(field).asDouble();
  }

  private static Optional<YearMonth> month(JsonNode v) {
    if (v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(v.asText()));
    } catch (DateTimeException e) {
      throw DomainException.invalid("firstMonth", "firstMonth must be a month like 2024-01");
    }
  }
}
