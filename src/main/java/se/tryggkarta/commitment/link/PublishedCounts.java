package se.tryggkarta.commitment.link;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.workspace.Workspace;

/**
 * The port through which commitments' public figures read published releases, never raw records:
 * the public's patrol sites of a release period, and protected monthly incident counts in an area.
 * Implemented by the composition root over the release feature. Thread-safe.
 */
public interface PublishedCounts {
  /** A service that publishes nothing: every public figure answers UNPROCESSABLE. */
  PublishedCounts NONE =
      new PublishedCounts() {
        @Override
        public TimeRange period(Workspace w, Optional<String> releasePeriod) {
          throw none();
        }

        @Override
        public List<HotspotSite> topSites(Workspace w, Optional<String> releasePeriod, int n) {
          throw none();
        }

        @Override
        public Optional<YearMonth> lastMonth(Workspace w) {
          return Optional.empty();
        }

        @Override
        public MonthlyCounts monthly(
            Workspace w, Set<String> categories, Geometry areaXY, YearMonth from, YearMonth to) {
          throw none();
        }

        private DomainException none() {
          return new DomainException(
              ErrorKind.UNPROCESSABLE, "release", "this service publishes no releases");
        }
      };

  /** The time range of a release period (the default period when empty). */
  TimeRange period(Workspace w, Optional<String> releasePeriod);

  /** The public's top sites of a release period, rank 1 first (cells, WGS84). */
  List<HotspotSite> topSites(Workspace w, Optional<String> releasePeriod, int n);

  /** The newest month released, empty before any. */
  Optional<YearMonth> lastMonth(Workspace w);

  /**
   * Protected incident counts in an area, per month from {@code from} to {@code to} (months that
   * are not released are absent): noisy, unbiased sums that the caller suppresses.
   *
   * @param categories the commitment's categories: counted as the published group with exactly
   *     these categories, else as all incidents ({@link MonthlyCounts#allCategories})
   */
  MonthlyCounts monthly(
      Workspace w, Set<String> categories, Geometry areaXY, YearMonth from, YearMonth to);

  /**
   * Protected monthly counts in an area.
   *
   * @param noiseVariancePerMonth the variance of one month's sum's noise (cells × tables × Var Z)
   * @param allCategories true when the figures count every incident because no published group has
   *     exactly the requested categories
   * @param k the workspace's least count a public figure may show
   */
  record MonthlyCounts(
      Map<YearMonth, Integer> counts, double noiseVariancePerMonth, boolean allCategories, int k) {
    public MonthlyCounts {
      counts = Map.copyOf(counts);
    }

    /**
     * The least sum of {@code months} months that may be shown: k, or the noise's one-sided 99th
     * percentile ⌈2.33 σ⌉, σ = √(months · Var), whichever is larger.
     */
    public int threshold(int months) {
      return Math.max(k, (int) Math.ceil(2.33 * Math.sqrt(months * noiseVariancePerMonth)));
    }
  }
}
