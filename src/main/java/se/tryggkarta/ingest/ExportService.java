package se.tryggkarta.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;
import org.n52.jackson.datatype.jts.JtsModule;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.RecordProperties;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.WorkspaceRepository;

/**
 * Writes one layer of one workspace to a file, streaming records from {@link LayerStore#scan} so
 * memory does not grow with the layer. Formats:
 *
 * <ul>
 *   <li>GeoJSON: a FeatureCollection in WGS84; each Feature's {@code id} is the external id and its
 *       properties those the layer API shows ({@link RecordProperties}).
 *   <li>CSV: a header, then one row per record: {@code id}, {@code lon}/{@code lat} for point
 *       layers or {@code wkt} (WGS84) for others, the typed fields, then one column per extra
 *       property. Two passes: the first collects the extra property names. Cells a spreadsheet
 *       would run as formulas are guarded ({@link CsvCells}).
 *   <li>GeoPackage: a new file with the layer's feature table, written to a temporary file and then
 *       copied to the output.
 * </ul>
 *
 * Free text is an allowlist: unless {@code withFreeText} (analysts), an export holds only the
 * fields each layer's schema defines, without the unsafe-place comment; the extra columns, which
 * may hold anything, are left out (and out of the CSV header). All three formats read back through
 * {@link ImportService} to the same records. Thread-safe.
 */
public final class ExportService {
  /** Decimal places of GeoJSON coordinates: 1e-15° is far below a double's use here (1 nm). */
  private static final int DECIMALS = 15;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JtsModule(new GeometryFactory(new PrecisionModel(), 4326), DECIMALS));

  private final WorkspaceRepository workspaces;
  private final LayerStore layers;
  private final GeoPackageFiles geoPackages;

  public ExportService(
      WorkspaceRepository workspaces, LayerStore layers, GeoPackageFiles geoPackages) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.geoPackages = geoPackages;
  }

  /**
   * Writes the layer to {@code out} (not closed) and returns the number of records written. Throws
   * NOT_FOUND for an unknown workspace.
   */
  public long export(
      String workspaceId,
      Layer layer,
      ImportFormat format,
      boolean withFreeText,
      OutputStream out) {
    String ws =
        workspaces
            .findWorkspace(workspaceId)
            .orElseThrow(() -> DomainException.notFound("workspace", workspaceId))
            .id();
    try {
      return switch (format) {
        case GEOJSON -> geoJson(ws, layer, withFreeText, out);
        case CSV -> csv(ws, layer, withFreeText, out);
        case GPKG -> geoPackage(ws, layer, withFreeText, out);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long geoJson(String ws, Layer layer, boolean withFreeText, OutputStream out)
      throws IOException {
    long[] n = {0};
    JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    layers.scan(
        ws,
        layer,
        LayerQuery.ALL,
        r -> {
          try {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", r.externalId());
            g.writeFieldName("geometry");
            JSON.writeValue(g, r.geometryWgs84());
            g.writeFieldName("properties");
            JSON.writeValue(g, RecordProperties.of(r, withFreeText));
            g.writeEndObject();
            n[0]++;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    return n[0];
  }

  private long csv(String ws, Layer layer, boolean withFreeText, OutputStream out)
      throws IOException {
    Set<String> extraNames = new LinkedHashSet<>();
    List<String> typed = RecordProperties.typedNames(layer);
    if (withFreeText) {
      layers.scan(
          ws,
          layer,
          LayerQuery.ALL,
          r ->
              r.extra().keySet().stream()
                  .filter(k -> !typed.contains(k) && !k.equals("id"))
                  .forEach(extraNames::add));
    }
    boolean points = layer != Layer.PLACES && layer != Layer.STREETS;
    List<String> header = new ArrayList<>();
    header.add("id");
    header.addAll(points ? List.of("lon", "lat") : List.of("wkt"));
    header.addAll(typed);
    header.addAll(extraNames);
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writeRow(w, header);
    long[] n = {0};
    WKTWriter wkt = new WKTWriter();
    layers.scan(
        ws,
        layer,
        LayerQuery.ALL,
        r -> {
          Map<String, Object> p = RecordProperties.of(r, withFreeText);
          List<String> row = new ArrayList<>(header.size());
          row.add(r.externalId());
          if (points) {
            Point pt = (Point) r.geometryWgs84();
            row.add(Double.toString(pt.getX()));
            row.add(Double.toString(pt.getY()));
          } else {
            row.add(wkt.write(r.geometryWgs84()));
          }
          for (String col : header.subList(points ? 3 : 2, header.size())) {
            row.add(text(p.get(col)));
          }
          try {
            writeRow(w, row);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          n[0]++;
        });
    w.flush();
    return n[0];
  }

  private long geoPackage(String ws, Layer layer, boolean withFreeText, OutputStream out)
      throws IOException {
    Path dir = Files.createTempDirectory("tryggkarta-export-");
    Path file = dir.resolve("export.gpkg");
    try {
      long[] n = {0};
      try (LayerWriter writer = geoPackages.createLayerFile(file, layer)) {
        layers.scan(
            ws,
            layer,
            LayerQuery.ALL,
            r -> {
              writer.write(withFreeText ? r : withoutFreeText(r));
              n[0]++;
            });
        writer.commit();
      }
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(out);
      }
      out.flush();
      return n[0];
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** The record with only its schema's fields: no extra columns, no comment. */
  static LayerRecord withoutFreeText(LayerRecord r) {
    if (r instanceof Incident x) {
      return new Incident(
          x.externalId(), x.location(), x.occurredAt(), x.category(), x.weight(), Map.of());
    } else if (r instanceof UnsafePlace x) {
      return new UnsafePlace(
          x.externalId(),
          x.location(),
          x.reportedAt(),
          x.category(),
          x.source(),
          java.util.Optional.empty(),
          Map.of());
    } else if (r instanceof Lamp x) {
      return new Lamp(
          x.externalId(),
          x.location(),
          x.status(),
          x.powerWatts(),
          x.lumens(),
          x.installedOn(),
          x.source(),
          Map.of());
    } else if (r instanceof Place x) {
      return new Place(x.externalId(), x.name(), x.geometryWgs84(), Map.of());
    } else if (r instanceof StreetSegment x) {
      return new StreetSegment(
          x.externalId(), x.geometryWgs84(), x.highway(), x.lit(), x.name(), Map.of());
    }
    throw new IllegalArgumentException("unknown record type " + r.getClass());
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      try {
        return JSON.writeValueAsString(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.valueOf(v);
  }

  private static void writeRow(Writer w, List<String> values) throws IOException {
    CsvCells.row(w, values);
  }
}
