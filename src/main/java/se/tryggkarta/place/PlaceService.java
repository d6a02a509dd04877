package se.tryggkarta.place;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;

/**
 * One {@link PlaceIndex} per workspace, rebuilt when the workspace's data version changes (so an
 * import of streets or places, on any instance, is seen by the next call). Thread-safe.
 */
public final class PlaceService {
  private record Cached(long version, PlaceIndex index) {}

  private final LayerStore layers;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  public PlaceService(LayerStore layers) {
    this.layers = layers;
  }

  /** The workspace's index as of its current data version. */
  public PlaceIndex index(String workspaceId) {
    long version = layers.dataVersion(workspaceId);
    Cached c = cache.get(workspaceId);
    if (c != null && c.version() == version) {
      return c.index();
    }
    return cache
        .compute(
            workspaceId,
            (k, old) ->
                old != null && old.version() == version
                    ? old
                    : new Cached(version, build(workspaceId)))
        .index();
  }

  private PlaceIndex build(String workspaceId) {
    List<StreetSegment> streets = new ArrayList<>();
    layers.scan(workspaceId, Layer.STREETS, LayerQuery.ALL, r -> streets.add((StreetSegment) r));
    List<Place> places = new ArrayList<>();
    layers.scan(workspaceId, Layer.PLACES, LayerQuery.ALL, r -> places.add((Place) r));
    return PlaceIndex.of(streets, places);
  }
}
