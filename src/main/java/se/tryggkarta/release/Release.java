package se.tryggkarta.release;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.layer.Layer;

/**
 * One published release: a layer's protected counts over a period, as of a data version. Every
 * public product of the period is computed from {@link #counts}. Computed once per workspace,
 * layer, period and data version, and then reused; the noise is a function of the workspace's
 * secret and the records, so computing it again (on any instance, after a restart) gives the same
 * numbers. Immutable; thread-safe.
 *
 * @param madeAt when the newest of its months' table versions was first published (from the ledger,
 *     so equal on every instance)
 * @param months each month's published version; withheld months (budget spent) count nothing
 * @param extent how the public grid was placed: {@code boundary} (the workspace's boundary box) or
 *     {@code data} (the events' box snapped out to 10 km, when the workspace has no boundary)
 */
public record Release(
    String workspaceId,
    Crs crs,
    Layer layer,
    ReleasePeriod period,
    long dataVersion,
    Instant madeAt,
    Mechanism mechanism,
    List<MonthVersion> months,
    String extent,
    List<String> groupIds,
    MonthlyTables.NoisySums sums) {

  public Release {
    months = List.copyOf(months);
    groupIds = List.copyOf(groupIds);
  }

  /** A month of the release: which published version of its table it uses, or withheld. */
  public record MonthVersion(
      YearMonth month, int version, int versionsPublished, boolean withheld) {}

  /**
   * The protection applied.
   *
   * @param epsilonPerMonth ε of each month's table (event-level differential privacy)
   * @param k counts below k are suppressed after summing the period's months
   * @param noiseSdPerCellMonth the standard deviation of one cell's noise in one month
   * @param maxVersionsPerMonth how many versions of a month may be published
   */
  public record Mechanism(
      double epsilonPerMonth,
      int k,
      double cellMeters,
      double bandwidthMeters,
      double noiseSdPerCellMonth,
      int maxVersionsPerMonth) {
    public static final String NAME = "two-sided geometric mechanism, cell-keyed";
  }

  /** The public grid of cells, in the workspace's CRS. */
  public GridSpec grid() {
    return sums.grid();
  }

  /** The protected counts of one slice and group ({@value CategoryGroup#ALL} for every group). */
  public ProtectedCounts counts(Slice slice, String groupId) {
    int included = (int) months.stream().filter(m -> !m.withheld()).count();
    return sums.counts(slice, groupId, mechanism.k(), included, mechanism.epsilonPerMonth());
  }

  /** The months left out because their budget is spent. */
  public List<YearMonth> withheldMonths() {
    return months.stream().filter(MonthVersion::withheld).map(MonthVersion::month).toList();
  }
}
