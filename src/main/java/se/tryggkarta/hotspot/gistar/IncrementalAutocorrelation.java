package se.tryggkarta.hotspot.gistar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The automatic distance band of Optimized Hot Spot Analysis (ArcGIS, "How Optimized Hot Spot
 * Analysis works", scale of analysis): global Moran's I z over {@value #BANDS} increasing bands
 * (Incremental Spatial Autocorrelation), and the band of the first peak, where z is higher than at
 * the band before and not lower than at the band after; the intensity of clustering is greatest
 * there, so it is the scale at which the clustering processes show most clearly.
 *
 * <p>What is implemented, on Tryggkarta's features (every hexagon of the Gi* grid, empty ones too):
 * ArcGIS starts at the smallest distance that gives every feature, locational outliers excepted, at
 * least one neighbour, and steps by the features' mean nearest-neighbour distance, outliers
 * excepted (an outlier's nearest neighbour is more than 3 standard deviations farther than the
 * mean). On a complete hexagon grid every cell's nearest neighbour is exactly one width away, so
 * there are no locational outliers, the start is the width and so is the step: bands of 1, 2, …,
 * {@value #BANDS} widths. When no band peaks, ArcGIS falls back to the mean distance to a feature's
 * K nearest neighbours; this falls back to the documented default of {@link HexGrid#autoBand} (2
 * widths, 18 neighbours), a stated departure. Stateless and thread-safe.
 */
public final class IncrementalAutocorrelation {
  /** The number of bands tried, as ArcGIS's default. */
  public static final int BANDS = 10;

  private IncrementalAutocorrelation() {}

  /**
   * The scan and its choice.
   *
   * @param bands Moran's I at each band, smallest first
   * @param peakBandMeters the first peak's band; empty when z never peaks
   * @param chosenBandMeters the peak, else {@link HexGrid#autoBand}
   */
  public record Scan(
      List<GlobalMoran> bands, Optional<Double> peakBandMeters, double chosenBandMeters) {
    public Scan {
      bands = List.copyOf(bands);
    }
  }

  /** Scans bands of 1..{@value #BANDS} hexagon widths over the hexagons' values. */
  public static Scan scan(double[] x, HexGrid grid) {
    List<GlobalMoran> bands = new ArrayList<>();
    for (int k = 1; k <= BANDS; k++) {
      // The tiny excess keeps centres exactly k widths away inside the band despite rounding.
      bands.add(GlobalMoran.of(x, grid, k * grid.widthMeters() * (1 + 1e-9)));
    }
    Optional<Double> peak = Optional.empty();
    for (int k = 1; k < bands.size() - 1 && peak.isEmpty(); k++) {
      double z = bands.get(k).zScore();
      if (z > bands.get(k - 1).zScore() && z >= bands.get(k + 1).zScore()) {
        peak = Optional.of(bands.get(k).bandMeters());
      }
    }
    return new Scan(bands, peak, peak.orElse(HexGrid.autoBand(grid.widthMeters())));
  }
}
