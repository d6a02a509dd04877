package se.tryggkarta.route;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.ingest.GeoPackageFiles;
import se.tryggkarta.ingest.RecordSource;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.route.graph.Snapper;
import se.tryggkarta.route.graph.StreetGraph;
import se.tryggkarta.route.osm.AttributeMapping;
import se.tryggkarta.route.osm.GeoJsonLineReader;
import se.tryggkarta.route.osm.GeoPackageLineReader;
import se.tryggkarta.route.osm.NetworkData;
import se.tryggkarta.route.osm.NetworkFormat;
import se.tryggkarta.route.osm.OsmNetworkReader;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Imports street networks into a workspace's {@code streets} (and {@code lamps}) layer and serves
 * the in-memory graph, rebuilt lazily when the workspace's data version changes (any layer:
 * streets, lamps and incidents all shape the graph's weights). Which parts of a street are lit
 * comes from the lighting feature through the {@link NetworkLighting} port. Thread-safe: concurrent
 * callers of one workspace share one build.
 */
public final class NetworkService {
  private final LayerStore layers;
  private final WorkspaceService workspaces;
  private final ConcurrentMap<String, StreetNetwork> cache = new ConcurrentHashMap<>();

  private final GeoPackageFiles geoPackages;
  private final NetworkLighting lighting;
  private final long maxInflatedBytes;

  /**
   * @param geoPackages opens uploaded GeoPackage files (the ingest feature's port), for municipal
   *     road layers
   * @param lighting the lit parts of each street (the lighting feature's port)
   */
  public NetworkService(
      LayerStore layers,
      WorkspaceService workspaces,
      GeoPackageFiles geoPackages,
      NetworkLighting lighting) {
    this(layers, workspaces, geoPackages, lighting, OsmNetworkReader.DEFAULT_MAX_INFLATED_BYTES);
  }

  /**
   * @param maxInflatedBytes the most an OpenStreetMap PBF upload may decompress to, in total
   */
  public NetworkService(
      LayerStore layers,
      WorkspaceService workspaces,
      GeoPackageFiles geoPackages,
      NetworkLighting lighting,
      long maxInflatedBytes) {
    this.layers = layers;
    this.workspaces = workspaces;
    this.geoPackages = geoPackages;
    this.lighting = lighting;
    this.maxInflatedBytes = maxInflatedBytes;
  }

  /**
   * Reads a street file and stores its walkable lines and lamps. The whole file is read and checked
   * before anything is written, so a bad file leaves the workspace unchanged. Streets are committed
   * before lamps (two transactions). Re-importing replaces records with the same ids.
   *
   * @param format the file's format; sniffed from its first bytes when empty
   * @param mapping attribute names for GeoJSON and GeoPackage line layers (ignored for OSM)
   */
  public ImportSummary importFile(
      String workspaceId, Path file, Optional<NetworkFormat> format, AttributeMapping mapping) {
    return importFile(workspaceId, file, format, mapping, Optional.empty());
  }

  /**
   * As {@link #importFile(String, Path, Optional, AttributeMapping)}, naming the feature table of a
   * GeoPackage (without one: the table named {@code streets}, or the only feature table).
   */
  public ImportSummary importFile(
      String workspaceId,
      Path file,
      Optional<NetworkFormat> format,
      AttributeMapping mapping,
      Optional<String> table) {
    String ws = workspaces.getWorkspace(workspaceId).id();
    NetworkFormat f = format.orElseGet(() -> sniff(file));
    NetworkData data =
        switch (f) {
          case GEOJSON -> GeoJsonLineReader.read(file, mapping);
          case GEOPACKAGE -> {
            try (RecordSource source = geoPackages.openTable(file, table, Layer.STREETS)) {
              yield GeoPackageLineReader.read(source, Crs.wgs84(), mapping);
            }
          }
          case OSM_PBF, OSM_XML -> OsmNetworkReader.read(file, f, maxInflatedBytes);
        };
    if (data.streets().isEmpty()) {
      throw new DomainException(
          ErrorKind.UNPROCESSABLE, "body", "the file holds no walkable street lines");
    }
    StreetGraph g = StreetGraph.build(data.streets(), Map.of(), List.of());
    try (LayerWriter w = layers.openWriter(ws, Layer.STREETS)) {
      data.streets().forEach(w::write);
      w.commit();
    }
    if (!data.lamps().isEmpty()) {
      try (LayerWriter w = layers.openWriter(ws, Layer.LAMPS)) {
        data.lamps().forEach(w::write);
        w.commit();
      }
    }
    return new ImportSummary(
        data.streets().size(),
        g.nodeCount(),
        g.edgeCount(),
        g.totalLengthMeters(),
        data.lamps().size(),
        data.warnings());
  }

  private static NetworkFormat sniff(Path file) {
    byte[] head = new byte[64];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      return NetworkFormat.sniff(head, n);
    } catch (IOException e) {
      throw new DomainException(ErrorKind.UNAVAILABLE, "cannot read the upload: " + e.getMessage());
    }
  }

  /** The workspace's network as of its current data version (built on first use). */
  public StreetNetwork network(String workspaceId) {
    String ws = workspaces.getWorkspace(workspaceId).id();
    long version = layers.dataVersion(ws);
    StreetNetwork cached = cache.get(ws);
    if (cached != null && cached.dataVersion() == version) {
      return cached;
    }
    return cache.compute(
        ws, (k, old) -> old != null && old.dataVersion() == version ? old : build(ws, version));
  }

  private StreetNetwork build(String ws, long version) {
    List<StreetSegment> streets = new ArrayList<>();
    layers.scan(ws, Layer.STREETS, LayerQuery.ALL, r -> streets.add((StreetSegment) r));
    NetworkLighting.StreetLighting light = lighting.lighting(ws);
    List<LonLat> incidents = new ArrayList<>();
    layers.scan(ws, Layer.INCIDENTS, LayerQuery.ALL, r -> incidents.add(((Incident) r).location()));
    StreetGraph g = StreetGraph.build(streets, light.segments(), incidents);
    return new StreetNetwork(
        ws, version, g, new Snapper(g), light.workingLamps(), incidents.size());
  }

  /** Counts and lit share of the workspace's network; all zero when it has none. */
  public NetworkSummary summary(String workspaceId) {
    StreetNetwork n = network(workspaceId);
    StreetGraph g = n.graph();
    double total = 0;
    double main = 0;
    double lit = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      total += g.lengthMeters(e);
      lit += g.lengthMeters(e) * g.litFraction(e);
      if (g.isInMainComponent(e)) {
        main += g.lengthMeters(e);
      }
    }
    return new NetworkSummary(
        g.nodeCount(),
        g.edgeCount(),
        total,
        main,
        total == 0 ? 0 : lit / total,
        n.lampCount(),
        n.dataVersion());
  }
}
