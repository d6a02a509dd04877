package se.tryggkarta.lighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crosby.binary.file.BlockInputStream;
import crosby.binary.osmosis.OsmosisBinaryParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;
import se.tryggkarta.Fixtures;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.lighting.coverage.CoverageResult;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.LampCoverage;
import se.tryggkarta.lighting.coverage.LampPoint;
import se.tryggkarta.lighting.coverage.LitSource;
import se.tryggkarta.lighting.coverage.SegmentCoverage;
import se.tryggkarta.lighting.coverage.StreetLine;

/**
 * Coverage on real data from the test fixtures: Cambridge MA's surveyed street lights with the
 * city's street centrelines (PDDL), and Helsinki centre's OSM lamps and {@code lit} tags (ODbL).
 * The figures are printed for the README; the assertions check them against a JTS buffer union and
 * against the data's own tagging.
 */
class LightingRealDataIT {
  static final GeometryFactory GF = new GeometryFactory();
  static final ObjectMapper JSON = new ObjectMapper();

  /** Street centrelines of Cambridge MA in UTM 19N (metres); multi-lines are split. */
  public static List<StreetLine> cambridgeStreets() throws IOException {
    Crs utm = Crs.of(32619);
    List<StreetLine> out = new ArrayList<>();
    for (JsonNode f : features(Fixtures.CAMBRIDGE_CENTRELINES)) {
      JsonNode g = f.get("geometry");
      List<JsonNode> lines = new ArrayList<>();
      if (g.get("type").asText().equals("LineString")) {
        lines.add(g.get("coordinates"));
      } else {
        g.get("coordinates").forEach(lines::add);
      }
      int part = 0;
      for (JsonNode coords : lines) {
        Coordinate[] cs = new Coordinate[coords.size()];
        for (int i = 0; i < cs.length; i++) {
          var xy =
              utm.toXY(
                  new LonLat(coords.get(i).get(0).asDouble(), coords.get(i).get(1).asDouble()));
          cs[i] = new Coordinate(xy.x(), xy.y());
        }
        String id =
            f.get("properties").path("ID").asText("c" + f.get("id").asText()) + "#" + part++;
        out.add(
            new StreetLine(
                id,
                GF.createLineString(cs),
                "residential",
                Lit.UNKNOWN,
                Optional.ofNullable(f.get("properties").path("Street").asText(null)),
                OptionalDouble.empty()));
      }
    }
    return out;
  }

  /** Cambridge's 6 117 city-owned street lights, all taken as working, radius 25 m. */
  public static List<LampPoint> cambridgeLamps() throws IOException {
    Crs utm = Crs.of(32619);
    List<LampPoint> out = new ArrayList<>();
    int i = 0;
    for (JsonNode f : features(Fixtures.CAMBRIDGE_STREET_LIGHTS)) {
      JsonNode c = f.get("geometry").get("coordinates");
      out.add(
          new LampPoint(
              "cam-" + i++,
              utm.toXY(new LonLat(c.get(0).asDouble(), c.get(1).asDouble())),
              LampStatus.WORKING,
              25));
    }
    return out;
  }

  static List<JsonNode> features(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      List<JsonNode> out = new ArrayList<>();
      JSON.readTree(in).get("features").forEach(out::add);
      return out;
    }
  }

  @Test
  void cambridge_coverage_agrees_with_a_jts_buffer_union_within_one_percent() throws IOException {
    List<StreetLine> streets = cambridgeStreets();
    List<LampPoint> lamps = cambridgeLamps();
    assertThat(lamps).hasSize(6117);
    CoverageResult r = LampCoverage.compute(streets, lamps, CoverageSettings.DEFAULT);
    // Oracle: per street, the JTS union of the 25 m buffers of the lamps near it, intersected
    // with the street (a local union instead of one city-wide polygon keeps it fast).
    STRtree discs = new STRtree();
    for (LampPoint l : lamps) {
      Geometry disc =
          GF.createPoint(new Coordinate(l.position().x(), l.position().y())).buffer(25, 16);
      discs.insert(disc.getEnvelopeInternal(), disc);
    }
    double oracle = 0;
    for (StreetLine s : streets) {
      @SuppressWarnings("unchecked")
      List<Geometry> near = discs.query(s.lineMeters().getEnvelopeInternal());
      if (!near.isEmpty()) {
        oracle += s.lineMeters().intersection(UnaryUnionOp.union(near)).getLength();
      }
    }
    double share = r.summary().litShare();
    System.out.printf(
        "Cambridge MA: %d segments, %.1f km, %d lamps, lit share at 25 m = %.4f (JTS oracle %.4f)%n",
        streets.size(),
        r.summary().totalMeters() / 1000,
        lamps.size(),
        share,
        oracle / r.summary().totalMeters());
    assertThat(r.summary().litByLampsMeters()).isCloseTo(oracle, within(oracle * 0.01));
    assertThat(share).isBetween(0.2, 0.95);
  }

  /** Highway ways of the Helsinki extract in UTM 35N, split where nodes are missing. */
  static List<StreetLine> helsinkiStreets() throws IOException {
    Crs utm = Crs.of(32635);
    Map<Long, Coordinate> nodes = new HashMap<>();
    List<Way> ways = new ArrayList<>();
    OsmosisBinaryParser parser = new OsmosisBinaryParser();
    parser.setSink(
        new Sink() {
          @Override
          public void initialize(Map<String, Object> metaData) {}

          @Override
          public void process(EntityContainer c) {
            if (c.getEntity() instanceof Node n) {
              var xy = utm.toXY(new LonLat(n.getLongitude(), n.getLatitude()));
              nodes.put(n.getId(), new Coordinate(xy.x(), xy.y()));
            } else if (c.getEntity() instanceof Way w) {
              ways.add(w);
            }
          }

          @Override
          public void complete() {}

          @Override
          public void close() {}
        });
    try (InputStream in = Files.newInputStream(Fixtures.HELSINKI_PBF)) {
      new BlockInputStream(in, parser).process();
    }
    List<StreetLine> out = new ArrayList<>();
    for (Way w : ways) {
      Map<String, String> tags = new HashMap<>();
      for (Tag t : w.getTags()) {
        tags.put(t.getKey(), t.getValue());
      }
      String highway = tags.get("highway");
      if (highway == null
          || "yes".equals(tags.get("area"))
          || highway.equals("platform")
          || highway.equals("elevator")
          || highway.equals("construction")) {
        continue;
      }
      List<Coordinate> run = new ArrayList<>();
      int part = 0;
      List<WayNode> wns = new ArrayList<>(w.getWayNodes());
      wns.add(null);
      for (WayNode wn : wns) {
        Coordinate c = wn == null ? null : nodes.get(wn.getNodeId());
        if (c != null) {
          run.add(c);
        } else {
          if (run.size() >= 2) {
            LineString line = GF.createLineString(run.toArray(new Coordinate[0]));
            if (line.getLength() > 0) {
              out.add(
                  new StreetLine(
                      "w" + w.getId() + "#" + part++,
                      line,
                      highway,
                      Lit.fromTag(tags.get("lit")),
                      Optional.ofNullable(tags.get("name")),
                      OptionalDouble.empty()));
            }
          }
          run = new ArrayList<>();
        }
      }
    }
    return out;
  }

  static List<LampPoint> helsinkiLamps() throws IOException {
    Crs utm = Crs.of(32635);
    List<LampPoint> out = new ArrayList<>();
    JsonNode fc = JSON.readTree(Fixtures.HELSINKI_LAMPS.toFile());
    int i = 0;
    for (JsonNode f : fc.get("features")) {
      JsonNode c = f.get("geometry").get("coordinates");
      out.add(
          new LampPoint(
              "hel-" + i++,
              utm.toXY(new LonLat(c.get(0).asDouble(), c.get(1).asDouble())),
              LampStatus.WORKING,
              25));
    }
    return out;
  }

  @Test
  void helsinki_lamps_light_lit_tagged_streets_more_than_untagged_ones() throws IOException {
    List<StreetLine> streets = helsinkiStreets();
    List<LampPoint> lamps = helsinkiLamps();
    assertThat(lamps).hasSize(586);
    CoverageResult r = LampCoverage.compute(streets, lamps, CoverageSettings.DEFAULT);
    double taggedLen = 0;
    double taggedLamp = 0;
    double otherLen = 0;
    double otherLamp = 0;
    for (SegmentCoverage s : r.segments()) {
      double lampLit = s.source() == LitSource.LAMPS ? s.litMeters() : 0;
      if (s.street().lit() == Lit.YES) {
        taggedLen += s.lengthMeters();
        taggedLamp += lampLit;
      } else {
        otherLen += s.lengthMeters();
        otherLamp += lampLit;
      }
    }
    System.out.printf(
        "Helsinki centre: %d segments, %.1f km, %d lamps; lit share (lamps + lit tags) = %.4f,"
            + " by lamps alone %.4f, by tag %.4f; lamp-lit share on lit=yes %.4f vs others %.4f%n",
        streets.size(),
        r.summary().totalMeters() / 1000,
        lamps.size(),
        r.summary().litShare(),
        r.summary().litByLampsMeters() / r.summary().totalMeters(),
        r.summary().litByTagMeters() / r.summary().totalMeters(),
        taggedLamp / taggedLen,
        otherLamp / otherLen);
    assertThat(r.summary().totalMeters()).isBetween(60_000.0, 100_000.0);
    assertThat(taggedLamp / taggedLen).isGreaterThan(otherLamp / otherLen);
    assertThat(r.summary().litShare()).isBetween(0.5, 0.95);
  }
}
