package se.tryggkarta.route.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WalkableTagsTest {
  /** Tags as {@code k=v;k=v}. */
  private static Map<String, String> tags(String text) {
    Map<String, String> m = new HashMap<>();
    for (String kv : text.split(";")) {
      if (!kv.isBlank()) {
        String[] p = kv.split("=", 2);
        m.put(p[0], p[1]);
      }
    }
    return m;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "highway=footway | true",
        "highway=path | true",
        "highway=pedestrian | true",
        "highway=steps | true",
        "highway=living_street | true",
        "highway=residential | true",
        "highway=service | true",
        "highway=unclassified | true",
        "highway=tertiary | true",
        "highway=secondary | true",
        "highway=primary | true",
        "highway=trail | true",
        "highway=cycleway | false",
        "highway=cycleway;foot=yes | true",
        "highway=cycleway;foot=designated | true",
        "highway=cycleway;foot=permissive | true",
        "highway=cycleway;foot=no | false",
        "highway=motorway | false",
        "highway=trunk | false",
        "highway=platform | false",
        "highway=construction | false",
        "highway=street_lamp | false",
        "highway=footway;foot=no | false",
        "highway=residential;access=private | false",
        "highway=service;access=no | false",
        "highway=service;access=private;foot=yes | true",
        "highway=pedestrian;area=yes | false",
        "highway=pedestrian;area=no | true",
        "building=yes | false",
        "'' | false"
      })
  void walkability_follows_the_tag_rules(String tags, boolean walkable) {
    assertThat(WalkableTags.isWalkable(tags(tags))).isEqualTo(walkable);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "highway=street_lamp | true",
        "highway=street_lamp;traffic_sign=FI:511 | true",
        "man_made=street_lamp | false",
        "highway=traffic_signals | false"
      })
  void street_lamps_are_highway_street_lamp_nodes_whatever_else_they_carry(
      String tags, boolean lamp) {
    assertThat(WalkableTags.isStreetLamp(tags(tags))).isEqualTo(lamp);
  }
}
