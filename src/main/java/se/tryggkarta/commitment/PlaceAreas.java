package se.tryggkarta.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import se.tryggkarta.commitment.link.PromisedArea;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;

/**
 * A commitment's places as buffered areas in the workspace's projected CRS, and the attribution of
 * activity locations to them. A location belongs to the first place (in the commitment's order)
 * whose buffered area covers it, boundary included. Immutable and thread-safe.
 */
public final class PlaceAreas {
  private static final GeometryFactory XY_FACTORY = new GeometryFactory();

  private final Crs crs;
  private final List<PromisedArea> areas;
  private final List<PreparedGeometry> prepared;

  private PlaceAreas(Crs crs, List<PromisedArea> areas) {
    this.crs = crs;
    this.areas = List.copyOf(areas);
    this.prepared = areas.stream().map(a -> PreparedGeometryFactory.prepare(a.areaXY())).toList();
  }

  /** The areas of a commitment whose places all have geometries. */
  public static PlaceAreas of(Commitment c, Crs crs) {
    List<PromisedArea> out = new ArrayList<>();
    for (CommitmentPlace p : c.places()) {
      Geometry g =
          p.geometryWgs84()
              .orElseThrow(
                  () ->
                      DomainException.invalid(
                          "places", "place '" + p.name() + "' has no geometry"));
      Geometry xy = crs.fromWgs84(g);
      out.add(
          new PromisedArea(
              c.id(), p.name(), p.bufferMeters() > 0 ? xy.buffer(p.bufferMeters()) : xy));
    }
    return new PlaceAreas(crs, out);
  }

  public List<PromisedArea> areas() {
    return areas;
  }

  public boolean isEmpty() {
    return areas.isEmpty();
  }

  /** The name of the first place covering the location, if any. */
  public Optional<String> placeAt(LonLat location) {
    XY p = crs.toXY(location);
    var pt = XY_FACTORY.createPoint(new Coordinate(p.x(), p.y()));
    for (int i = 0; i < areas.size(); i++) {
      if (prepared.get(i).covers(pt)) {
        return Optional.of(areas.get(i).placeName());
      }
    }
    return Optional.empty();
  }

  /** The place's name as the commitment spells it, matched case-insensitively. */
  public Optional<String> placeNamed(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    return areas.stream()
        .map(PromisedArea::placeName)
        .filter(n -> n.toLowerCase(Locale.ROOT).equals(key))
        .findFirst();
  }

  /**
   * Attributes an activity: a location inside a place attributes it there; a location outside every
   * place is rejected (field {@code location}) unless the activity is flagged {@code
   * outsidePlaces}, then it is kept but does not count; a named place must be one of the
   * commitment's (field {@code place}). Without places every activity counts.
   */
  public Activity attribute(Activity a) {
    Optional<String> given = a.place().map(n -> placeNamed(n).orElseThrow(() -> noSuchPlace(n)));
    if (a.location().isEmpty()) {
      return a.withAttribution(given, false);
    }
    if (areas.isEmpty()) {
      return a.withAttribution(Optional.empty(), false);
    }
    Optional<String> found = placeAt(a.location().get());
    if (found.isPresent()) {
      if (given.isPresent() && !given.get().equals(found.get())) {
        throw DomainException.invalid(
            "location",
            "the location lies in '"
                + found.get()
                + "', not in the given place '"
                + given.get()
                + "'");
      }
      return a.withAttribution(found, false);
    }
    if (a.outsidePlaces()) {
      return a.withAttribution(Optional.empty(), true);
    }
    throw DomainException.invalid(
        "location",
        "the location lies outside every promised place ("
            + String.join(", ", areas.stream().map(PromisedArea::placeName).toList())
            + "); set outsidePlaces to log it anyway");
  }

  private DomainException noSuchPlace(String name) {
    return DomainException.invalid(
        "place",
        "the commitment has no place named '"
            + name
            + "' (it has: "
            + String.join(", ", areas.stream().map(PromisedArea::placeName).toList())
            + ")");
  }
}
