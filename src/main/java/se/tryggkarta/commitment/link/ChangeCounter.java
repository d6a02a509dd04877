package se.tryggkarta.commitment.link;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import se.tryggkarta.common.Bbox;
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
 * Counts incidents in a promised area and in its comparison ring (the area within {@code
 * ringMeters} outside it) before and during a period, giving a {@link PlaceChange}. One streaming
 * pass over the incidents of the bounding box of the ring and both windows. Thread-safe.
 */
public final class ChangeCounter {
  public static final double DEFAULT_RING_METERS = 500;

  private final LayerStore layers;

  public ChangeCounter(LayerStore layers) {
    this.layers = layers;
  }

  /**
   * The change in {@code area} for a period {@code periodStart..periodEnd} (inclusive local dates),
   * evaluated on {@code asOf}: the during window runs from the start to the earlier of the end and
   * {@code asOf}, both inclusive.
   */
  public PlaceChange change(
      Workspace w,
      PromisedArea area,
      Set<String> categories,
      LocalDate periodStart,
      LocalDate periodEnd,
      LocalDate asOf,
      double ringMeters) {
    if (!(ringMeters > 0 && ringMeters <= 10_000)) {
      throw DomainException.invalid(
          "ringMeters", "ringMeters must be in (0, 10000], was " + ringMeters);
    }
    LocalDate duringTo = (asOf.isBefore(periodEnd) ? asOf : periodEnd).plusDays(1);
    if (!duringTo.isAfter(periodStart)) {
      return new PlaceChange(
          area.commitmentId(),
          area.placeName(),
          periodStart,
          periodStart,
          periodStart,
          ringMeters,
          Optional.empty(),
          false,
          List.of());
    }
    long days = ChronoUnit.DAYS.between(periodStart, duringTo);
    LocalDate beforeFrom = periodStart.minusDays(days);
    ZoneId zone = w.timeZone();
    Instant t0 = beforeFrom.atStartOfDay(zone).toInstant();
    Instant t1 = periodStart.atStartOfDay(zone).toInstant();
    Instant t2 = duringTo.atStartOfDay(zone).toInstant();
    Geometry outer = area.areaXY().buffer(ringMeters);
    PreparedGeometry inPlace = PreparedGeometryFactory.prepare(area.areaXY());
    PreparedGeometry inOuter = PreparedGeometryFactory.prepare(outer);
    Crs crs = w.crs();
    Bbox bboxWgs84 = bboxWgs84(outer, crs);
    long[] c = new long[4];
    Map<YearMonth, long[]> perMonth = new TreeMap<>();
    for (YearMonth m = YearMonth.from(beforeFrom);
        !m.atDay(1).isAfter(duringTo.minusDays(1));
        m = m.plusMonths(1)) {
      perMonth.put(m, new long[2]);
    }
    GeometryFactory gf = new GeometryFactory();
    layers.scan(
        w.id(),
        Layer.INCIDENTS,
        LayerQuery.ALL
            .withBbox(bboxWgs84)
            .withTime(TimeRange.of(t0, t2))
            .withCategories(categories),
        r -> {
          if (r instanceof Incident i) {
            XY p = crs.toXY(i.location());
            Point pt = gf.createPoint(new Coordinate(p.x(), p.y()));
            boolean during = !i.occurredAt().isBefore(t1);
            YearMonth month = YearMonth.from(i.occurredAt().atZone(zone));
            if (inPlace.covers(pt)) {
              c[during ? 1 : 0]++;
              perMonth.get(month)[0]++;
            } else if (inOuter.covers(pt)) {
              c[during ? 3 : 2]++;
              perMonth.get(month)[1]++;
            }
          }
        });
    double months = days / DiffInDiff.DAYS_PER_MONTH;
    return new PlaceChange(
        area.commitmentId(),
        area.placeName(),
        beforeFrom,
        periodStart,
        duringTo,
        ringMeters,
        Optional.of(new DiffInDiff(c[0], c[1], c[2], c[3], months, months)),
        false,
        perMonth.entrySet().stream()
            .map(e -> new PlaceChange.MonthCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList());
  }

  private static Bbox bboxWgs84(Geometry xy, Crs crs) {
    var env = crs.toWgs84(xy.getEnvelope()).getEnvelopeInternal();
    double margin = 1e-4; // about 10 m: the envelope of a projected box is not exactly a box
    return new Bbox(
        env.getMinX() - margin,
        env.getMinY() - margin,
        env.getMaxX() + margin,
        env.getMaxY() + margin);
  }
}
