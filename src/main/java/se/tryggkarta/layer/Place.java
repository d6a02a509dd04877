package se.tryggkarta.layer;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import se.tryggkarta.common.DomainException;

/** A named place (the travel centre, a park) as a polygon, multipolygon or point, in WGS84. */
public record Place(
    String externalId, String name, Geometry geometryWgs84, Map<String, Object> extra)
    implements LayerRecord {
  public Place {
    externalId = Records.requireId(externalId);
    name = Records.requireText("name", name);
    if (geometryWgs84 == null || geometryWgs84.isEmpty()) {
      throw DomainException.invalid("geometry", "a place needs a geometry");
    }
    if (!(geometryWgs84 instanceof Polygonal) && !(geometryWgs84 instanceof Point)) {
      throw DomainException.invalid(
          "geometry",
          "a place must be a Polygon, MultiPolygon or Point, was "
              + geometryWgs84.getGeometryType());
    }
    geometryWgs84 = geometryWgs84.copy();
    geometryWgs84.setSRID(4326);
    extra = Records.extra(extra);
  }

  @Override
  public Layer layer() {
    return Layer.PLACES;
  }
}
