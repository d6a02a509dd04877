package se.tryggkarta.route.osm;

import java.util.List;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.StreetSegment;

/**
 * What a reader found in a file, before anything is stored.
 *
 * @param streets the walkable street lines
 * @param lamps street lamps (OSM {@code highway=street_lamp} nodes); empty for line layers
 * @param warnings non-fatal problems (missing node references, skipped features), each one line
 */
public record NetworkData(List<StreetSegment> streets, List<Lamp> lamps, List<String> warnings) {
  public NetworkData {
    streets = List.copyOf(streets);
    lamps = List.copyOf(lamps);
    warnings = List.copyOf(warnings);
  }
}
