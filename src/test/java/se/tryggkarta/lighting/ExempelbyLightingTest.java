package se.tryggkarta.lighting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityKind;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Issue 7's acceptance case on the demo workspace {@code exempelby}: the planted dark footpath in
 * the park ({@link ExempelbyGenerator#DARK_STRETCH_ID}, whose lamps the generator made broken or
 * planned) must be the first stretch to light, and the four vandalised forecourt lamps of the
 * travel centre, where the night incidents are planted, the first repairs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExempelbyLightingTest {
  static final double PARK_AREA_METERS = 200;
  static final double TRAVEL_CENTRE_METERS = 150;
  @TempDir static Path dir;
  GeoPackageStore store;
  PriorityList list;

  @BeforeAll
  void rank() {
    store = GeoPackageStore.open(dir.resolve("demo.gpkg"));
    ExempelbyGenerator.populate(store);
    LightingService lighting = new LightingService(new WorkspaceService(store), store);
    list = lighting.priorities(ExempelbyGenerator.WORKSPACE_ID, LightingRequest.DEFAULT);
  }

  @AfterAll
  void close() {
    store.close();
  }

  private List<Priority> ofKind(PriorityKind kind) {
    return list.priorities().stream().filter(p -> p.kind() == kind).toList();
  }

  private double metersTo(Priority p, LonLat place) {
    XY xy = list.workspace().crs().toXY(place);
    Point c = p.targetMeters().getCentroid();
    return Math.hypot(c.getX() - xy.x(), c.getY() - xy.y());
  }

  @Test
  void the_planted_dark_footpath_is_the_first_stretch_to_light() {
    Priority firstLight = ofKind(PriorityKind.NEW_LIGHT).get(0);
    assertThat(firstLight.segmentId()).contains(ExempelbyGenerator.DARK_STRETCH_ID);
    assertThat(firstLight.darknessReports()).isPositive();
  }

  @Test
  void the_broken_lamps_by_the_travel_centre_are_the_first_repairs() {
    List<Priority> repairs = ofKind(PriorityKind.REPAIR);
    // the demo town's four vandalised forecourt lamps stand where the night incidents are planted
    for (Priority p : repairs.subList(0, 4)) {
      assertThat(metersTo(p, ExempelbyGenerator.RESECENTRUM_CENTRE))
          .isLessThan(TRAVEL_CENTRE_METERS);
      assertThat(p.nightIncidents()).isGreaterThan(repairs.get(4).nightIncidents());
    }
  }

  @Test
  void after_the_travel_centre_the_next_repairs_are_on_the_dark_footpath() {
    Priority fifth = ofKind(PriorityKind.REPAIR).get(4);
    assertThat(fifth.segmentId()).contains(ExempelbyGenerator.DARK_STRETCH_ID);
    assertThat(metersTo(fifth, ExempelbyGenerator.DARK_STRETCH_CENTRE))
        .isLessThan(PARK_AREA_METERS);
  }
}
