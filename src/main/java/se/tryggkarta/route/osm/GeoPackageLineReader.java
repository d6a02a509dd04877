package se.tryggkarta.route.osm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.ingest.RecordSource;
import se.tryggkarta.ingest.SourceRecord;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.StreetSegment;

/**
 * Reads a municipal road layer from a GeoPackage feature table (LineStrings or MultiLineStrings in
 * the table's own SRS) into street segments in WGS84, with the same attribute mapping as {@link
 * GeoJsonLineReader}. The table is opened by the ingest feature's {@code GeoPackageFiles} port, so
 * this class speaks no SQL. Features that are not lines are skipped with a warning.
 */
public final class GeoPackageLineReader {
  /** The id column of the streets table Tryggkarta itself exports. */
  static final String EXPORTED_ID_COLUMN = "external_id";

  private GeoPackageLineReader() {}

  /**
   * @param source the open feature table; not closed here
   * @param sourceCrs the table's SRS when the source does not declare one
   */
  public static NetworkData read(RecordSource source, Crs sourceCrs, AttributeMapping mapping) {
    Crs crs = source.declaredCrs().orElse(sourceCrs);
    List<StreetSegment> streets = new ArrayList<>();
    int skipped = 0;
    for (Optional<SourceRecord> next = source.next(); next.isPresent(); next = source.next()) {
      SourceRecord r = next.get();
      Map<String, Object> props = r.properties();
      // Tryggkarta's own GeoPackage exports keep the id in external_id
      String id =
          text(props, mapping.idProperty())
              .or(() -> text(props, EXPORTED_ID_COLUMN))
              .or(r::id)
              .orElse("f" + r.number());
      String highway = text(props, mapping.highwayProperty()).orElse(mapping.defaultHighway());
      Lit lit =
          Lit.fromTag(GeoJsonLineReader.litValue(text(props, mapping.litProperty()).orElse(null)));
      Optional<String> name = text(props, mapping.nameProperty());
      List<LineString> parts = lines(r.geometry());
      if (parts.isEmpty()) {
        skipped++;
        continue;
      }
      for (int k = 0; k < parts.size(); k++) {
        Geometry wgs84 = crs.isGeographic() ? parts.get(k) : crs.toWgs84(parts.get(k));
        if (!(wgs84 instanceof LineString line) || line.getNumPoints() < 2) {
          skipped++;
          continue;
        }
        requireLonLat(id, line);
        String segId = parts.size() > 1 ? id + "-" + (k + 1) : id;
        streets.add(new StreetSegment(segId, line, highway, lit, name, new LinkedHashMap<>()));
      }
    }
    List<String> warnings = new ArrayList<>();
    if (skipped > 0) {
      warnings.add(skipped + " features were not lines of at least two positions and were skipped");
    }
    return new NetworkData(streets, List.of(), warnings);
  }

  private static List<LineString> lines(Optional<Geometry> geometry) {
    List<LineString> out = new ArrayList<>();
    geometry.ifPresent(
        g -> {
          if (g instanceof LineString l) {
            out.add(l);
          } else if (g instanceof MultiLineString m) {
            for (int i = 0; i < m.getNumGeometries(); i++) {
              out.add((LineString) m.getGeometryN(i));
            }
          }
        });
    return out;
  }

  private static void requireLonLat(String id, LineString line) {
    for (var c : line.getCoordinates()) {
      if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
        throw DomainException.invalid(
            "geometry",
            "feature " + id + ": position " + c.x + ", " + c.y + " is not a place on Earth");
      }
    }
  }

  private static Optional<String> text(Map<String, Object> props, String name) {
    Object v = props.get(name);
    return v == null || v.toString().isBlank()
        ? Optional.empty()
        : Optional.of(v.toString().strip());
  }
}
