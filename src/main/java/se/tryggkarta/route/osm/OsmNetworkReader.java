package se.tryggkarta.route.osm;

import crosby.binary.osmosis.OsmosisReader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Entity;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.RunnableSource;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;
import org.openstreetmap.osmosis.xml.common.CompressionMethod;
import org.openstreetmap.osmosis.xml.v0_6.XmlReader;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/**
 * Reads the walkable network and the street lamps of an OpenStreetMap file with Osmosis (PBF via
 * {@code osmosis-pbf}, XML via {@code osmosis-xml}).
 *
 * <p>Each walkable way ({@link WalkableTags}) becomes one {@link StreetSegment} with id {@code
 * osm-w<id>}, keeping {@code highway}, {@code lit} and {@code name}, and in its extra properties
 * the way id and the tags that say where it runs ({@link #KEPT_TAGS}: tunnels and bridges, which
 * snapping needs). A way that references nodes missing from the file (an extract cut at a box) is
 * split at them: each run of at least two present nodes becomes a segment {@code osm-w<id>-<k>},
 * and a warning counts the gaps. Every {@code highway=street_lamp} node becomes a working {@link
 * Lamp} with source {@code osm} and id {@code osm-n<id>}; OSM does not record whether a lamp is
 * broken. Not thread-safe; one instance per file.
 */
public final class OsmNetworkReader {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  /** Tags kept on each street beside highway, lit and name: whether it runs under or over. */
  static final List<String> KEPT_TAGS =
      List.of("tunnel", "bridge", "layer", "location", "indoor", "covered");

  private OsmNetworkReader() {}

  /** Reads a file of the given OSM format. Throws INVALID_INPUT when it cannot be parsed. */
  public static NetworkData read(Path file, NetworkFormat format) {
    Collector sink = new Collector();
    File f = file.toFile();
    RunnableSource source =
        switch (format) {
          case OSM_PBF -> new OsmosisReader(f);
          case OSM_XML -> new XmlReader(f, false, CompressionMethod.None);
          case GEOJSON, GEOPACKAGE ->
              throw new IllegalArgumentException("not an OSM format: " + format);
        };
    source.setSink(sink);
    try {
      source.run();
    } catch (RuntimeException e) {
      throw new DomainException(
          se.tryggkarta.common.ErrorKind.INVALID_INPUT,
          "the file is not readable as OpenStreetMap " + format + ": " + rootMessage(e),
          Optional.of("body"),
          List.of(se.tryggkarta.common.FieldError.ofField("body", rootMessage(e))),
          e);
    }
    return sink.result();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage()).replace('\n', ' ');
  }

  private static Map<String, String> tags(Entity e) {
    Map<String, String> m = new HashMap<>();
    for (Tag t : e.getTags()) {
      m.put(t.getKey(), t.getValue());
    }
    return m;
  }

  /** The Osmosis sink: keeps node positions, walkable ways and lamps, joins them at the end. */
  private static final class Collector implements Sink {
    private final Map<Long, double[]> nodes = new HashMap<>();
    private final List<Way> ways = new ArrayList<>();
    private final List<Lamp> lamps = new ArrayList<>();

    @Override
    public void initialize(Map<String, Object> metaData) {}

    @Override
    public void process(EntityContainer container) {
      Entity e = container.getEntity();
      if (e instanceof Node n) {
        nodes.put(n.getId(), new double[] {n.getLongitude(), n.getLatitude()});
        if (!n.getTags().isEmpty() && WalkableTags.isStreetLamp(tags(n))) {
          Map<String, Object> extra = new LinkedHashMap<>();
          extra.put("osm_node_id", n.getId());
          lamps.add(
              new Lamp(
                  "osm-n" + n.getId(),
                  new LonLat(n.getLongitude(), n.getLatitude()),
                  LampStatus.WORKING,
                  OptionalDouble.empty(),
                  OptionalDouble.empty(),
                  Optional.empty(),
                  "osm",
                  extra));
        }
      } else if (e instanceof Way w && WalkableTags.isWalkable(tags(w))) {
        ways.add(w);
      }
    }

    @Override
    public void complete() {}

    @Override
    public void close() {}

    NetworkData result() {
      List<StreetSegment> streets = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      long missingRefs = 0;
      int cutWays = 0;
      int trails = 0;
      for (Way w : ways) {
        Map<String, String> tags = tags(w);
        if ("trail".equals(tags.get("highway"))) {
          trails++;
        }
        List<List<Coordinate>> runs = new ArrayList<>();
        List<Coordinate> run = new ArrayList<>();
        int missingHere = 0;
        for (WayNode wn : w.getWayNodes()) {
          double[] p = nodes.get(wn.getNodeId());
          if (p == null) {
            missingHere++;
            if (run.size() >= 2) {
              runs.add(run);
            }
            run = new ArrayList<>();
          } else {
            Coordinate c = new Coordinate(p[0], p[1]);
            if (run.isEmpty() || !run.get(run.size() - 1).equals2D(c)) {
              run.add(c);
            }
          }
        }
        if (run.size() >= 2) {
          runs.add(run);
        }
        if (missingHere > 0) {
          cutWays++;
          missingRefs += missingHere;
        }
        for (int k = 0; k < runs.size(); k++) {
          String id = "osm-w" + w.getId() + (missingHere > 0 ? "-" + (k + 1) : "");
          Map<String, Object> extra = new LinkedHashMap<>();
          extra.put("osm_way_id", w.getId());
          for (String kept : KEPT_TAGS) {
            if (tags.containsKey(kept)) {
              extra.put(kept, tags.get(kept));
            }
          }
          streets.add(
              new StreetSegment(
                  id,
                  WGS84.createLineString(runs.get(k).toArray(Coordinate[]::new)),
                  tags.get("highway"),
                  Lit.fromTag(tags.get("lit")),
                  Optional.ofNullable(tags.get("name")),
                  extra));
        }
      }
      if (cutWays > 0) {
        warnings.add(
            cutWays
                + " walkable ways reference "
                + missingRefs
                + " nodes missing from the file; they were split at the gaps");
      }
      if (trails > 0) {
        warnings.add(trails + " ways with the non-standard highway=trail were read as paths");
      }
      return new NetworkData(streets, lamps, warnings);
    }
  }
}
