package se.tryggkarta.route.osm;

import crosby.binary.osmosis.OsmosisReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.openstreetmap.osmosis.xml.v0_6.impl.OsmHandler;
import org.xml.sax.SAXException;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.ingest.SafeXml;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/**
 * Reads the walkable network and the street lamps of an OpenStreetMap file with Osmosis (PBF via
 * {@code osmosis-pbf}, XML via {@code osmosis-xml}'s handler on the project's hardened parser).
 *
 * <p>Hostile files are bounded before and while they are read: XML goes through {@link SafeXml} (no
 * DTD, no entities, no external anything); PBF is first checked by {@link PbfBlobs} (each blob at
 * most 32 MiB decompressed, the whole file at most {@code maxInflatedBytes}); and what the reader
 * keeps (node positions, walkable ways) is held to a quarter of the heap, estimated per element, so
 * that a file of tiny, highly compressible elements cannot exhaust memory either. Every bound
 * answers TOO_LARGE naming it; no answer quotes a parser's message.
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

  /** The default bound on a PBF file's total decompressed size: 1 GiB. */
  public static final long DEFAULT_MAX_INFLATED_BYTES = 1L << 30;

  /** Estimated heap bytes per kept node: a HashMap entry, a boxed id and a double[2]. */
  static final long BYTES_PER_NODE = 120;

  /** Estimated heap bytes per kept way, beyond its node references. */
  static final long BYTES_PER_WAY = 160;

  /** Heap bytes per kept way node reference. */
  static final long BYTES_PER_WAY_NODE = 8;

  /** Tags kept on each street beside highway, lit and name: whether it runs under or over. */
  static final List<String> KEPT_TAGS =
      List.of("tunnel", "bridge", "layer", "location", "indoor", "covered");

  private OsmNetworkReader() {}

  /** Reads a file with the default bounds (see {@link #read(Path, NetworkFormat, long)}). */
  public static NetworkData read(Path file, NetworkFormat format) {
    return read(file, format, DEFAULT_MAX_INFLATED_BYTES);
  }

  /**
   * Reads a file of the given OSM format. Throws INVALID_INPUT when it cannot be parsed and
   * TOO_LARGE when it passes a bound.
   *
   * @param maxInflatedBytes the most a PBF file's blobs may decompress to, together
   */
  public static NetworkData read(Path file, NetworkFormat format, long maxInflatedBytes) {
    Collector sink = new Collector(Runtime.getRuntime().maxMemory() / 4);
    switch (format) {
      case OSM_PBF -> {
        PbfBlobs.check(file, maxInflatedBytes);
        RunnableSource source = new OsmosisReader(file.toFile());
        source.setSink(sink);
        try {
          source.run();
        } catch (RuntimeException e) {
          throw cause(e, DomainException.class).orElseGet(() -> unreadable(format, ""));
        }
      }
      case OSM_XML -> {
        try (InputStream in = SafeXml.boundedMarkup(Files.newInputStream(file))) {
          sink.initialize(Map.of());
          SafeXml.saxParser().parse(in, new OsmHandler(sink, false));
          sink.complete();
        } catch (SAXException e) {
          throw cause(e, DomainException.class)
              .orElseGet(() -> SafeXml.refused("OpenStreetMap XML", e));
        } catch (RuntimeException e) {
          // Osmosis's handler and the parser wrap what they meet: a bound this reader set, or a
          // well-formedness error with its position
          throw cause(e, DomainException.class)
              .or(
                  () ->
                      cause(e, SAXException.class)
                          .map(x -> SafeXml.refused("OpenStreetMap XML", x)))
              .orElseGet(
                  () ->
                      unreadable(
                          format,
                          " 0.6: its elements need the attributes OSM 0.6 writes (id, version,"
                              + " lat and lon)"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case GEOJSON, GEOPACKAGE ->
          throw new IllegalArgumentException("not an OSM format: " + format);
    }
    return sink.result();
  }

  /** The first throwable of the given type in the cause chain, the throwable itself included. */
  private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  private static DomainException unreadable(NetworkFormat format, String where) {
    String reason =
        "the file is not readable as OpenStreetMap "
            + (format == NetworkFormat.OSM_PBF ? "PBF" : "XML")
            + where;
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        reason,
        Optional.of("body"),
        List.of(FieldError.ofField("body", reason)),
        null);
  }

  private static Map<String, String> tags(Entity e) {
    Map<String, String> m = new HashMap<>();
    for (Tag t : e.getTags()) {
      m.put(t.getKey(), t.getValue());
    }
    return m;
  }

  /** A walkable way as kept: its id, the tags the segments need, and its node references. */
  private record KeptWay(long id, Map<String, String> tags, long[] nodeIds) {}

  /**
   * The Osmosis sink: keeps node positions, walkable ways and lamps, joins them at the end. Refuses
   * (TOO_LARGE) once what it keeps passes its budget of estimated heap bytes.
   */
  private static final class Collector implements Sink {
    private final Map<Long, double[]> nodes = new HashMap<>();
    private final List<KeptWay> ways = new ArrayList<>();
    private final List<Lamp> lamps = new ArrayList<>();
    private final long budgetBytes;
    private long keptBytes;

    Collector(long budgetBytes) {
      this.budgetBytes = budgetBytes;
    }

    private void keep(long bytes) {
      keptBytes += bytes;
      if (keptBytes > budgetBytes) {
        String reason =
            "the street file holds more nodes and ways than one import may keep in memory (about "
                + (budgetBytes >> 20)
                + " MiB, a quarter of the service's heap; "
                + nodes.size()
                + " nodes and "
                + ways.size()
                + " walkable ways so far); import a smaller extract, or give the service more"
                + " memory (-Xmx)";
        throw new DomainException(
            ErrorKind.TOO_LARGE,
            reason,
            Optional.of("body"),
            List.of(FieldError.ofField("body", reason)),
            null);
      }
    }

    @Override
    public void initialize(Map<String, Object> metaData) {}

    @Override
    public void process(EntityContainer container) {
      Entity e = container.getEntity();
      if (e instanceof Node n) {
        if (nodes.put(n.getId(), new double[] {n.getLongitude(), n.getLatitude()}) == null) {
          keep(BYTES_PER_NODE);
        }
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
      } else if (e instanceof Way w) {
        Map<String, String> tags = tags(w);
        if (WalkableTags.isWalkable(tags)) {
          List<WayNode> refs = w.getWayNodes();
          long[] ids = new long[refs.size()];
          for (int i = 0; i < ids.length; i++) {
            ids[i] = refs.get(i).getNodeId();
          }
          Map<String, String> kept = new HashMap<>();
          List<String> keys = new ArrayList<>(List.of("highway", "lit", "name"));
          keys.addAll(KEPT_TAGS);
          for (String k : keys) {
            if (tags.containsKey(k)) {
              kept.put(k, tags.get(k));
            }
          }
          keep(BYTES_PER_WAY + BYTES_PER_WAY_NODE * ids.length);
          ways.add(new KeptWay(w.getId(), kept, ids));
        }
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
      for (KeptWay w : ways) {
        Map<String, String> tags = w.tags();
        if ("trail".equals(tags.get("highway"))) {
          trails++;
        }
        List<List<Coordinate>> runs = new ArrayList<>();
        List<Coordinate> run = new ArrayList<>();
        int missingHere = 0;
        for (long nodeId : w.nodeIds()) {
          double[] p = nodes.get(nodeId);
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
          String id = "osm-w" + w.id() + (missingHere > 0 ? "-" + (k + 1) : "");
          Map<String, Object> extra = new LinkedHashMap<>();
          extra.put("osm_way_id", w.id());
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
