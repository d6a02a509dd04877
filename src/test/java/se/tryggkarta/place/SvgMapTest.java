package se.tryggkarta.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;

class SvgMapTest {
  static final Pattern CIRCLE =
      Pattern.compile("<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\" r=\"9\"");

  @Test
  void markers_on_one_spot_are_moved_apart_with_leader_lines_and_drawn_above_the_names() {
    LonLat spot = PlaceIndexTest.at(0, 0);
    Envelope e = new Envelope(spot.lon(), spot.lon(), spot.lat(), spot.lat());
    SvgMap m = new SvgMap(e, 300, 400, 300).baseMap(PlaceIndexTest.TOWN);
    List<SvgMap.Marker> markers = new ArrayList<>();
    markers.add(new SvgMap.Marker(spot, "Start", true, "#1d7a33"));
    for (int i = 1; i <= 5; i++) {
      markers.add(new SvgMap.Marker(PlaceIndexTest.at(i, 0), String.valueOf(i), false, "#c00"));
    }
    String svg = m.markers(markers).svg("test", Lang.SV);
    List<double[]> centres = new ArrayList<>();
    Matcher c = CIRCLE.matcher(svg);
    while (c.find()) {
      centres.add(new double[] {Double.parseDouble(c.group(1)), Double.parseDouble(c.group(2))});
    }
    assertThat(centres).hasSize(5);
    double startX = m.x(spot.lon());
    double startY = m.y(spot.lat());
    for (int i = 0; i < centres.size(); i++) {
      assertThat(Math.hypot(centres.get(i)[0] - startX, centres.get(i)[1] - startY))
          .isGreaterThanOrEqualTo(SvgMap.MARKER_SPACING_PX - 1e-6);
      for (int j = 0; j < i; j++) {
        assertThat(
                Math.hypot(
                    centres.get(i)[0] - centres.get(j)[0], centres.get(i)[1] - centres.get(j)[1]))
            .isGreaterThanOrEqualTo(SvgMap.MARKER_SPACING_PX - 1e-6);
      }
    }
    assertThat(svg).contains("<line x1=");
    // the street names come before (beneath) the first marker
    assertThat(svg.indexOf("Storgatan")).isPositive().isLessThan(svg.indexOf("<rect x="));
    assertThat(svg).contains(">100\u00a0m<");
  }

  @Test
  void a_scale_bar_is_a_round_number_of_metres() {
    assertThat(SvgMap.niceMeters(137)).isEqualTo(100);
    assertThat(SvgMap.niceMeters(260)).isEqualTo(200);
    assertThat(SvgMap.niceMeters(720)).isEqualTo(500);
  }
}
