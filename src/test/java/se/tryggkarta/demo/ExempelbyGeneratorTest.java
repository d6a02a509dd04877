package se.tryggkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.Lit;
import se.tryggkarta.layer.Place;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.layer.UnsafePlace;

/** Checks the synthetic town's promises; distances are measured in SWEREF 99 TM (EPSG:3006). */
class ExempelbyGeneratorTest {
  private static final Crs SWEREF = Crs.sweref99tm();
  private static final double HOTSPOT_RADIUS_METERS = 150;
  private static final double DARK_RADIUS_METERS = 25;
  private static final GeometryFactory METRIC = new GeometryFactory();

  private final ExempelbyData data = ExempelbyGenerator.data();

  @Test
  void generatingTwiceGivesEqualRecordsAndEqualFiles() {
    ExempelbyData a = ExempelbyGenerator.generate();
    ExempelbyData b = ExempelbyGenerator.generate();
    for (Layer layer : Layer.values()) {
      assertThat(a.records(layer)).as(layer.slug()).isEqualTo(b.records(layer));
    }
    assertThat(a.workspace()).isEqualTo(b.workspace());
    assertThat(ExempelbyFiles.osmXml(a.streets(), a.lamps()))
        .isEqualTo(ExempelbyFiles.osmXml(b.streets(), b.lamps()));
    assertThat(ExempelbyFiles.incidentsCsv(a.incidents()))
        .isEqualTo(ExempelbyFiles.incidentsCsv(b.incidents()));
  }

  @Test
  void countsAreWithinTheStatedRanges() {
    assertThat(data.streets()).hasSizeBetween(300, 600);
    assertThat(data.places()).hasSize(2);
    assertThat(data.lamps()).hasSizeBetween(1_350, 1_650);
    assertThat(data.incidents()).hasSizeBetween(5_500, 6_500);
    assertThat(data.unsafePlaces()).hasSizeBetween(270, 330);
    Map<LampStatus, Long> status =
        data.lamps().stream().collect(Collectors.groupingBy(Lamp::status, Collectors.counting()));
    assertThat(status.get(LampStatus.WORKING)).isGreaterThan(data.lamps().size() * 8L / 10);
    assertThat(status.get(LampStatus.BROKEN)).isGreaterThan(data.lamps().size() * 3L / 100);
    assertThat(status.get(LampStatus.PLANNED)).isPositive();
    assertThat(data.streets().stream().map(StreetSegment::highway).distinct())
        .contains("secondary", "residential", "footway");
    assertThat(data.streets().stream().map(StreetSegment::lit).distinct())
        .containsExactlyInAnyOrder(Lit.YES, Lit.NO, Lit.UNKNOWN);
  }

  @Test
  void workspaceIsPublicSweref99tmAndLabelledSynthetic() {
    var ws = data.workspace();
    assertThat(ws.id()).isEqualTo("exempelby");
    assertThat(ws.name()).isEqualTo("Exempelby (syntetisk demo)");
    assertThat(ws.crs().epsg()).isEqualTo(3006);
    assertThat(ws.publicAccess()).isTrue();
    assertThat(ws.boundaryWgs84()).isPresent();
    for (Layer layer : Layer.values()) {
      for (LayerRecord r : data.records(layer)) {
        assertThat(r.extra()).as(r.externalId()).containsEntry("synthetic", true);
      }
    }
  }

  @Test
  void nightIncidentsAroundTheTravelCentreAndTheParkAreFarDenserThanTheTownAverage() {
    List<XY> night = new ArrayList<>();
    for (Incident i : data.incidents()) {
      int hour = ZonedDateTime.ofInstant(i.occurredAt(), data.workspace().timeZone()).getHour();
      if (hour >= 18 || hour < 6) {
        night.add(SWEREF.toXY(i.location()));
      }
    }
    Geometry town = SWEREF.fromWgs84(data.workspace().boundaryWgs84().orElseThrow());
    double townDensity = night.size() / town.getArea();
    double discArea = Math.PI * HOTSPOT_RADIUS_METERS * HOTSPOT_RADIUS_METERS;
    for (LonLat centre :
        List.of(ExempelbyGenerator.RESECENTRUM_CENTRE, ExempelbyGenerator.PARKEN_CENTRE)) {
      XY c = SWEREF.toXY(centre);
      long near = night.stream().filter(p -> p.distanceTo(c) <= HOTSPOT_RADIUS_METERS).count();
      double ratio = near / discArea / townDensity;
      assertThat(ratio).as("night density ratio at %s", centre).isGreaterThan(15);
    }
    // and a place without a planted hotspot stays near the average (brute-force control)
    XY quiet = SWEREF.toXY(new LonLat(12.285, 58.006));
    long nearQuiet =
        night.stream().filter(p -> p.distanceTo(quiet) <= HOTSPOT_RADIUS_METERS).count();
    assertThat(nearQuiet / discArea / townDensity).isLessThan(3);
  }

  @Test
  void hotspotIncidentsHappenMostlyAtNight() {
    XY c = SWEREF.toXY(ExempelbyGenerator.RESECENTRUM_CENTRE);
    long near = 0;
    long nearAtNight = 0;
    for (Incident i : data.incidents()) {
      if (SWEREF.toXY(i.location()).distanceTo(c) <= HOTSPOT_RADIUS_METERS) {
        near++;
        int hour = ZonedDateTime.ofInstant(i.occurredAt(), data.workspace().timeZone()).getHour();
        if (hour >= 18 || hour < 6) {
          nearAtNight++;
        }
      }
    }
    assertThat(near).isGreaterThan(500);
    assertThat((double) nearAtNight / near).isGreaterThan(0.7);
  }

  @Test
  void theDarkStretchHasNoWorkingLampWithin25Metres() {
    StreetSegment dark = street(ExempelbyGenerator.DARK_STRETCH_ID);
    assertThat(dark.highway()).isEqualTo("footway");
    assertThat(dark.name()).contains("Dammstigen");
    assertThat(dark.lit()).isEqualTo(Lit.NO);
    Geometry line = SWEREF.fromWgs84(dark.geometryWgs84());
    double nearestWorking = Double.POSITIVE_INFINITY;
    int notWorkingNear = 0;
    for (Lamp lamp : data.lamps()) {
      double d = line.distance(point(lamp.location()));
      if (lamp.status() == LampStatus.WORKING) {
        nearestWorking = Math.min(nearestWorking, d);
      } else if (d <= DARK_RADIUS_METERS) {
        notWorkingNear++;
      }
    }
    assertThat(nearestWorking).isGreaterThan(DARK_RADIUS_METERS);
    assertThat(nearestWorking).as("the park around it is lit").isLessThan(80);
    assertThat(notWorkingNear).as("broken or planned lamps along it").isPositive();
    assertThat(line.distance(point(ExempelbyGenerator.DARK_STRETCH_CENTRE))).isLessThan(1);
    Geometry park = SWEREF.fromWgs84(place(ExempelbyGenerator.PARKEN_ID).geometryWgs84());
    assertThat(park.intersects(line)).as("next to the park").isTrue();
  }

  @Test
  void someBrokenLampsAreClustered() {
    // With 109 broken lamps spread at random over ~1 500, the densest 150 m disc (38 lamps) would
    // hold about 3 broken ones; the planted cable fault and the dark path give far more.
    List<XY> broken =
        data.lamps().stream()
            .filter(l -> l.status() == LampStatus.BROKEN)
            .map(l -> SWEREF.toXY(l.location()))
            .toList();
    long most = 0;
    for (XY p : broken) {
      most = Math.max(most, broken.stream().filter(q -> q.distanceTo(p) <= 150).count());
    }
    assertThat(most).isGreaterThanOrEqualTo(10);
  }

  @Test
  void darknessReportsConcentrateOnTheDarkStretch() {
    // The 30 m buffer covers about 0.3 % of the town: at random it would hold fewer than one.
    Geometry line = SWEREF.fromWgs84(street(ExempelbyGenerator.DARK_STRETCH_ID).geometryWgs84());
    long near =
        data.unsafePlaces().stream()
            .filter(u -> u.category().equals("darkness"))
            .filter(u -> line.distance(point(u.location())) <= 30)
            .count();
    assertThat(near).isGreaterThanOrEqualTo(40);
  }

  @Test
  void namedCentresLieInsideTheirPlaces() {
    Geometry station = place(ExempelbyGenerator.RESECENTRUM_ID).geometryWgs84();
    Geometry park = place(ExempelbyGenerator.PARKEN_ID).geometryWgs84();
    assertThat(place(ExempelbyGenerator.RESECENTRUM_ID).name()).isEqualTo("Resecentrum");
    assertThat(place(ExempelbyGenerator.PARKEN_ID).name()).isEqualTo("Parken");
    assertThat(station.contains(wgs84(ExempelbyGenerator.RESECENTRUM_CENTRE))).isTrue();
    assertThat(park.contains(wgs84(ExempelbyGenerator.PARKEN_CENTRE))).isTrue();
    assertThat(ExempelbyGenerator.PARKEN_CENTRE.lat()).isCloseTo(58.0, within(0.01));
    assertThat(ExempelbyGenerator.PARKEN_CENTRE.lon()).isCloseTo(12.3, within(0.02));
  }

  @Test
  void allGeometriesAreValidAndInsideTheBoundary() {
    Geometry boundary = data.workspace().boundaryWgs84().orElseThrow();
    assertThat(boundary.isValid()).isTrue();
    for (Layer layer : Layer.values()) {
      for (LayerRecord r : data.records(layer)) {
        Geometry g = r.geometryWgs84();
        assertThat(g.isValid()).as(r.externalId()).isTrue();
        assertThat(g.getSRID()).isEqualTo(4326);
        assertThat(boundary.covers(g)).as(r.externalId()).isTrue();
        for (Coordinate c : g.getCoordinates()) {
          assertThat(SWEREF.isInAreaOfUse(new LonLat(c.x, c.y))).isTrue();
        }
      }
    }
  }

  @Test
  void idsAreUniqueAndValuesUseTheDocumentedVocabulary() {
    for (Layer layer : Layer.values()) {
      Set<String> ids = new HashSet<>();
      for (LayerRecord r : data.records(layer)) {
        assertThat(ids.add(r.externalId())).as("duplicate " + r.externalId()).isTrue();
      }
    }
    for (Incident i : data.incidents()) {
      assertThat(ExempelbyGenerator.INCIDENT_CATEGORIES).contains(i.category());
      assertThat(i.occurredAt())
          .isAfterOrEqualTo(ExempelbyGenerator.PERIOD_START)
          .isBefore(ExempelbyGenerator.PERIOD_END);
      assertThat(i.weight()).isEqualTo(1.0);
    }
    assertThat(data.incidents().stream().map(Incident::category).distinct())
        .containsExactlyInAnyOrderElementsOf(ExempelbyGenerator.INCIDENT_CATEGORIES);
    for (UnsafePlace u : data.unsafePlaces()) {
      assertThat(ExempelbyGenerator.UNSAFE_CATEGORIES).contains(u.category());
      assertThat(ExempelbyGenerator.UNSAFE_SOURCES).contains(u.source());
      assertThat(u.reportedAt())
          .isAfterOrEqualTo(ExempelbyGenerator.PERIOD_START)
          .isBefore(ExempelbyGenerator.PERIOD_END);
      u.comment().ifPresent(c -> assertThat(c).hasSizeBetween(10, 120));
    }
    assertThat(data.unsafePlaces().stream().map(UnsafePlace::source).distinct())
        .containsExactlyInAnyOrderElementsOf(ExempelbyGenerator.UNSAFE_SOURCES);
    assertThat(data.unsafePlaces().stream().map(UnsafePlace::category).distinct())
        .containsExactlyInAnyOrderElementsOf(ExempelbyGenerator.UNSAFE_CATEGORIES);
    assertThat(data.unsafePlaces().stream().filter(u -> u.comment().isPresent()).count())
        .isGreaterThan(data.unsafePlaces().size() / 2);
  }

  @Test
  void everyRecordPassesItsLayersValidationWhenRebuiltFromItsFields() {
    for (Incident r : data.incidents()) {
      assertThat(
              new Incident(
                  r.externalId(),
                  r.location(),
                  r.occurredAt(),
                  r.category(),
                  r.weight(),
                  r.extra()))
          .isEqualTo(r);
    }
    for (UnsafePlace r : data.unsafePlaces()) {
      assertThat(
              new UnsafePlace(
                  r.externalId(),
                  r.location(),
                  r.reportedAt(),
                  r.category(),
                  r.source(),
                  r.comment(),
                  r.extra()))
          .isEqualTo(r);
    }
    for (Lamp r : data.lamps()) {
      assertThat(
              new Lamp(
                  r.externalId(),
                  r.location(),
                  r.status(),
                  r.powerWatts(),
                  r.lumens(),
                  r.installedOn(),
                  r.source(),
                  r.extra()))
          .isEqualTo(r);
    }
    for (StreetSegment r : data.streets()) {
      assertThat(
              new StreetSegment(
                  r.externalId(), r.geometryWgs84(), r.highway(), r.lit(), r.name(), r.extra()))
          .isEqualTo(r);
    }
    for (Place r : data.places()) {
      assertThat(new Place(r.externalId(), r.name(), r.geometryWgs84(), r.extra())).isEqualTo(r);
    }
  }

  @Test
  void streetsFormOneConnectedNetworkJoinedAtSharedVertices() {
    // union-find over exact vertex coordinates, as the street graph joins lines
    Map<Coordinate, Coordinate> parent = new HashMap<>();
    for (StreetSegment s : data.streets()) {
      Coordinate[] cs = s.geometryWgs84().getCoordinates();
      for (int k = 0; k + 1 < cs.length; k++) {
        union(parent, cs[k], cs[k + 1]);
      }
    }
    Set<Coordinate> roots = new HashSet<>();
    for (Coordinate c : parent.keySet()) {
      roots.add(find(parent, c));
    }
    assertThat(roots).hasSize(1);
  }

  private static Coordinate find(Map<Coordinate, Coordinate> parent, Coordinate c) {
    parent.putIfAbsent(c, c);
    Coordinate p = parent.get(c);
    if (p.equals2D(c)) {
      return c;
    }
    Coordinate root = find(parent, p);
    parent.put(c, root);
    return root;
  }

  private static void union(Map<Coordinate, Coordinate> parent, Coordinate a, Coordinate b) {
    Coordinate ra = find(parent, a);
    Coordinate rb = find(parent, b);
    if (!ra.equals2D(rb)) {
      parent.put(ra, rb);
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }

  private StreetSegment street(String id) {
    return data.streets().stream().filter(s -> s.externalId().equals(id)).findFirst().orElseThrow();
  }

  private Place place(String id) {
    return data.places().stream().filter(s -> s.externalId().equals(id)).findFirst().orElseThrow();
  }

  private static Geometry point(LonLat p) {
    XY xy = SWEREF.toXY(p);
    return METRIC.createPoint(new Coordinate(xy.x(), xy.y()));
  }

  private static Geometry wgs84(LonLat p) {
    return new GeometryFactory().createPoint(new Coordinate(p.lon(), p.lat()));
  }
}
