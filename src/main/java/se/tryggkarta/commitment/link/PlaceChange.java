package se.tryggkarta.commitment.link;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The change of incidents in one promised place. The before window has the same number of days as
 * the during window and ends where the period starts. Windows are local dates, start inclusive, end
 * exclusive.
 *
 * @param figures the counts and the DiD; empty when the period has not started or when the counts
 *     are suppressed for the public (fewer than k events in a cell)
 * @param suppressed true when figures were withheld for privacy
 */
public record PlaceChange(
    String commitmentId,
    String placeName,
    LocalDate beforeFrom,
    LocalDate duringFrom,
    LocalDate duringTo,
    double comparisonRingMeters,
    Optional<DiffInDiff> figures,
    boolean suppressed) {
  /** The plain-language caveat printed beside every change figure. */
  public static final String CAVEAT_SV =
      "Förändringen före och under perioden är en beskrivning, inte ett bevis för att åtgärden har"
          + " haft effekt. Antalet anmälda händelser påverkas också av polisens närvaro,"
          + " anmälningsbenägenhet, slumpvariation och annat som hänt samtidigt; jämförelseområdet"
          + " (en ring runt platsen) tar bara bort det som har förändrats likadant i båda områdena.";

  public PlaceChange {
    Objects.requireNonNull(commitmentId, "commitmentId");
    Objects.requireNonNull(placeName, "placeName");
    Objects.requireNonNull(figures, "figures");
  }

  /** A copy with the figures withheld. */
  public PlaceChange suppress() {
    return new PlaceChange(
        commitmentId,
        placeName,
        beforeFrom,
        duringFrom,
        duringTo,
        comparisonRingMeters,
        Optional.empty(),
        true);
  }
}
