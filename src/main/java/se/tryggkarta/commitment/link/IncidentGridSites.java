package se.tryggkarta.commitment.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.Workspace;

/**
 * Hotspot sites as the grid cells with the most incidents: the simplest count-based hotspot map
 * (Chainey &amp; Ratcliffe 2005, "GIS and Crime Mapping", ch. 7, grid thematic mapping). Each
 * incident in the period is projected to the workspace CRS and falls in cell (⌊x/s⌋, ⌊y/s⌋) of side
 * s = max(cellSizeMeters, workspace minCellMeters); cells are ranked by count, ties by cell index,
 * so the ranking is deterministic. One streaming pass over the incidents; memory grows with the
 * number of non-empty cells. Thread-safe.
 */
public final class IncidentGridSites implements HotspotSites {
  /** The default cell side: a block, as patrol planners think of a site. */
  public static final double DEFAULT_CELL_SIZE_METERS = 200;

  private final LayerStore layers;
  private final double cellSizeMeters;

  public IncidentGridSites(LayerStore layers, double cellSizeMeters) {
    if (!(cellSizeMeters >= 10 && cellSizeMeters <= 10_000)) {
      throw DomainException.invalid(
          "cellSizeMeters", "cell size must be 10..10000 m, was " + cellSizeMeters);
    }
    this.layers = layers;
    this.cellSizeMeters = cellSizeMeters;
  }

  @Override
  public List<HotspotSite> topSites(
      Workspace workspace, TimeRange period, Set<String> categories, int n) {
    if (n < 1) {
      throw DomainException.invalid("n", "n must be >= 1, was " + n);
    }
    double s = Math.max(cellSizeMeters, workspace.privacy().minCellMeters());
    Crs crs = workspace.crs();
    Map<Long, long[]> counts = new HashMap<>();
    LayerQuery q = LayerQuery.ALL.withTime(period).withCategories(categories);
    layers.scan(
        workspace.id(),
        Layer.INCIDENTS,
        q,
        r -> {
          if (r instanceof Incident i) {
            XY p = crs.toXY(i.location());
            long key = key((long) Math.floor(p.x() / s), (long) Math.floor(p.y() / s));
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
          }
        });
    List<Map.Entry<Long, long[]>> cells = new ArrayList<>(counts.entrySet());
    cells.sort(
        Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparingLong(Map.Entry::getKey));
    GeometryFactory gf = new GeometryFactory();
    List<HotspotSite> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, cells.size()); i++) {
      long key = cells.get(i).getKey();
      long ix = key >> 32;
      long iy = (int) key;
      double x0 = ix * s;
      double y0 = iy * s;
      Geometry cellXY =
          gf.createPolygon(
              new Coordinate[] {
                new Coordinate(x0, y0),
                new Coordinate(x0 + s, y0),
                new Coordinate(x0 + s, y0 + s),
                new Coordinate(x0, y0 + s),
                new Coordinate(x0, y0)
              });
      out.add(
          new HotspotSite(
              i + 1,
              "cell-" + (long) s + "-" + ix + "-" + iy,
              crs.toWgs84(cellXY),
              cells.get(i).getValue()[0]));
    }
    return out;
  }

  /** Packs two cell indices (each within ±2³¹) into one long, ordered by ix then iy. */
  private static long key(long ix, long iy) {
    return (ix << 32) | (iy & 0xffffffffL);
  }
}
