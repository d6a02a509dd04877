package se.tryggkarta.lighting;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.coverage.LampPoint;
import se.tryggkarta.lighting.coverage.StreetLine;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * End to end through the service: the generated 50 000-segment network and 20 000 lamps (and 10
 * 000 incidents) written to a GeoPackage store in SWEREF 99 TM, then {@link LightingService}'s
 * coverage and priorities timed, reading from the store and projecting included. Median of five
 * after one warm-up; CPU time of the calling thread and wall-clock.
 */
public final class LightingServiceTime {
  private LightingServiceTime() {}

  public static void main(String[] args) throws Exception {
    LightingBenchmark b = new LightingBenchmark();
    b.dataset = "generated-50k";
    b.load();
    Crs crs = Crs.sweref99tm();
    GeometryFactory wgs = new GeometryFactory(new PrecisionModel(), 4326);
    Path dir = Files.createTempDirectory("lighting-bench");
    try (Store store = GeoPackageStore.open(dir.resolve("b.gpkg"))) {
      store.createWorkspace(Workspace.of("bench", "Bench"));
      try (LayerWriter w = store.openWriter("bench", Layer.STREETS)) {
        for (StreetLine s : b.streets()) {
          Coordinate[] cs = s.lineMeters().getCoordinates();
          Coordinate[] ll = new Coordinate[cs.length];
          for (int i = 0; i < cs.length; i++) {
            LonLat p = crs.toLonLat(new XY(320_000 + cs[i].x, 6_400_000 + cs[i].y));
            ll[i] = new Coordinate(p.lon(), p.lat());
          }
          w.write(new StreetSegment(s.id(), wgs.createLineString(ll), s.highway(), s.lit(),
              Optional.empty(), Map.of()));
        }
        w.commit();
      }
      try (LayerWriter w = store.openWriter("bench", Layer.LAMPS)) {
        for (LampPoint l : b.lamps()) {
          LonLat p = crs.toLonLat(new XY(320_000 + l.position().x(), 6_400_000 + l.position().y()));
          w.write(new Lamp(l.id(), p, l.status(), OptionalDouble.empty(), OptionalDouble.empty(),
              Optional.empty(), "inventory", Map.of()));
        }
        w.commit();
      }
      try (LayerWriter w = store.openWriter("bench", Layer.INCIDENTS)) {
        int i = 0;
        for (var inc : b.incidents()) {
          LonLat p = crs.toLonLat(new XY(320_000 + inc.position().x(), 6_400_000 + inc.position().y()));
          w.write(new Incident("i" + i++, p, Instant.parse("2024-01-10T21:00:00Z"), "theft", 1, Map.of()));
        }
        w.commit();
      }
      LightingService service = new LightingService(new WorkspaceService(store), store);
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      for (String op : new String[] {"coverage", "priorities"}) {
        long[] cpu = new long[6];
        long[] wall = new long[6];
        for (int i = 0; i < 6; i++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          if (op.equals("coverage")) {
            service.coverage("bench", CoverageSettings.DEFAULT);
          } else {
            service.priorities("bench", LightingRequest.DEFAULT);
          }
          cpu[i] = mx.getCurrentThreadCpuTime() - c0;
          wall[i] = System.nanoTime() - w0;
        }
        long[] c = java.util.Arrays.copyOfRange(cpu, 1, 6);
        long[] w = java.util.Arrays.copyOfRange(wall, 1, 6);
        java.util.Arrays.sort(c);
        java.util.Arrays.sort(w);
        System.out.printf(Locale.ROOT, "service %-11s generated-50k via GeoPackage: cpu median %7.1f ms, wall median %7.1f ms%n",
            op, c[2] / 1e6, w[2] / 1e6);
      }
    }
  }
}
