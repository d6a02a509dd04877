package se.tryggkarta.commitment.link;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
 * @param months incidents per calendar month (workspace zone) in the place and in the ring, from
 *     the before window's start to the during window's end (partial months at either end count only
 *     their days inside the windows); empty when withheld
 */
public record PlaceChange(
    String commitmentId,
    String placeName,
    LocalDate beforeFrom,
    LocalDate duringFrom,
    LocalDate duringTo,
    double comparisonRingMeters,
    Optional<DiffInDiff> figures,
    boolean suppressed,
    List<MonthCount> months) {
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
    months = List.copyOf(months);
  }

  /** Incidents in one calendar month: in the place and in its comparison ring. */
  public record MonthCount(YearMonth month, long place, long comparison) {}

  /** A copy without the monthly series (for the public, where single months hold few events). */
  public PlaceChange withoutMonths() {
    return new PlaceChange(
        commitmentId,
        placeName,
        beforeFrom,
        duringFrom,
        duringTo,
        comparisonRingMeters,
        figures,
        suppressed,
        List.of());
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
        true,
        List.of());
  }
}
