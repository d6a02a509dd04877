package se.tryggkarta.demo;

import java.util.List;
import java.util.Objects;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.Workspace;

/**
 * Everything the demo generator produces: the workspace and its records per layer, each list in a
 * fixed order (by external id within a kind of feature). Immutable lists; the JTS geometries inside
 * the records are shared, so callers must not mutate them.
 */
public record ExempelbyData(
    Workspace workspace,
    List<StreetSegment> streets,
    List<Place> places,
    List<Lamp> lamps,
    List<Incident> incidents,
    List<UnsafePlace> unsafePlaces) {
  public ExempelbyData {
    Objects.requireNonNull(workspace, "workspace");
    streets = List.copyOf(streets);
    places = List.copyOf(places);
    lamps = List.copyOf(lamps);
    incidents = List.copyOf(incidents);
    unsafePlaces = List.copyOf(unsafePlaces);
  }

  /** The records of one layer. */
  public List<? extends LayerRecord> records(Layer layer) {
    return switch (layer) {
      case INCIDENTS -> incidents;
      case UNSAFE_PLACES -> unsafePlaces;
      case LAMPS -> lamps;
      case PLACES -> places;
      case STREETS -> streets;
    };
  }
}
