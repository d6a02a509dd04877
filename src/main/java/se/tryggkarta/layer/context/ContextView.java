package se.tryggkarta.layer.context;

import java.util.List;

/**
 * The map context of one view.
 *
 * @param streets the streets that cross the view and are drawn at its zoom
 * @param places the named places that cross the view
 * @param truncated true when the view held more than {@link MapContext#MAX_FEATURES} of either and
 *     the rest were left out (zoom in to see them)
 * @param dataVersion the workspace data version the view was read at
 */
public record ContextView(
    List<ContextStreet> streets, List<ContextPlace> places, boolean truncated, long dataVersion) {
  public ContextView {
    streets = List.copyOf(streets);
    places = List.copyOf(places);
  }
}
