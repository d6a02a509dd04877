package se.tryggkarta.lighting;

import java.util.List;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * A planned lighting change to evaluate: lamps to repair (by id; broken or planned lamps become
 * working) and new working lamps at given positions (WGS84) with the default radius.
 */
public record PlannedChange(List<String> repairLampIds, List<LonLat> newLamps) {
  public static final int MAX_ITEMS = 10_000;

  public PlannedChange {
    repairLampIds = List.copyOf(repairLampIds);
    newLamps = List.copyOf(newLamps);
    if (repairLampIds.isEmpty() && newLamps.isEmpty()) {
      throw DomainException.invalid(
          "repair", "nothing to evaluate: give lamp ids to repair or new lamp positions");
    }
    if (repairLampIds.size() + newLamps.size() > MAX_ITEMS) {
      throw DomainException.invalid(
          "add",
          "at most "
              + MAX_ITEMS
              + " lamps per change, was "
              + (repairLampIds.size() + newLamps.size()));
    }
  }
}
