package se.tryggkarta.hotspot.emerging;

import se.tryggkarta.common.Lang;

/**
 * The classes of emerging hot spot analysis (ArcGIS Pro, "How Emerging Hot Spot Analysis works",
 * 2.8), with the tests as sfdep 0.2 writes them ({@code emerging_hotspot_analysis}), tried in
 * sfdep's order; the first that holds names the cell. Notation: n time steps, sig_t the step's Gi*
 * p ≤ α, hot_t = sig_t and z_t &gt; 0, cold_t = sig_t and z_t &lt; 0, τ and p_τ the Mann–Kendall
 * trend of the z series. Where sfdep's test differs from ArcGIS's wording it is kept (so the
 * classes match sfdep's) and named in the Javadoc of the constant, but for one departure named at
 * {@link #INTENSIFYING_HOT}.
 */
public enum EmergingClass {
  /** Only the final step is significant, and it is hot. (ArcGIS: never hot before.) */
  NEW_HOT("new-hotspot"),
  /** Only the final step is significant, and it is cold. */
  NEW_COLD("new-coldspot"),
  /**
   * A single run of significant steps at the end, the final one hot, nothing significant before it,
   * and fewer than 90 % of steps hot. (sfdep counts any significant step in the run, hot or cold.)
   */
  CONSECUTIVE_HOT("consecutive-hotspot"),
  /** As {@link #CONSECUTIVE_HOT} with a cold final step and fewer than 90 % of steps cold. */
  CONSECUTIVE_COLD("consecutive-coldspot"),
  /**
   * At least 90 % of steps hot, the final one significant, and a rising trend (τ &gt; 0, p_τ &lt;
   * α). Departure: sfdep counts significant steps of either sign here, which would call a
   * persistent cold spot that grows less cold an intensifying hot spot; this counts hot steps, as
   * ArcGIS's wording says (it changes no hexagon of the golden fixture).
   */
  INTENSIFYING_HOT("intensifying-hotspot"),
  /** At least 90 % of steps cold, the final significant, τ &lt; 0 and p_τ ≤ α. */
  INTENSIFYING_COLD("intensifying-coldspot"),
  /** At least 90 % of steps hot and no significant trend (p_τ &gt; α). */
  PERSISTENT_HOT("persistent-hotspot"),
  /** At least 90 % of steps cold and no significant trend. */
  PERSISTENT_COLD("persistent-coldspot"),
  /** At least 90 % of steps hot, the final significant, τ &lt; 0 and p_τ ≤ α. */
  DIMINISHING_HOT("diminishing-hotspot"),
  /** At least 90 % of steps cold, the final significant, τ &gt; 0 and p_τ ≤ α. */
  DIMINISHING_COLD("diminishing-coldspot"),
  /**
   * At most 90 % of steps hot, the final one hot, and some step cold. (sfdep writes ≤ here and &lt;
   * for the cold variant.)
   */
  OSCILLATING_HOT("oscillating-hotspot"),
  /** Fewer than 90 % of steps cold, the final one cold, and some step hot. */
  OSCILLATING_COLD("oscillating-coldspot"),
  /**
   * At least 90 % of steps hot and a negative final z. (ArcGIS: the final step is not hot; sfdep
   * asks for z_n &lt; 0.)
   */
  HISTORICAL_HOT("historical-hotspot"),
  /** At least 90 % of steps cold and a positive final z. */
  HISTORICAL_COLD("historical-coldspot"),
  /** Fewer than 90 % of steps hot, at least one hot and none cold. */
  SPORADIC_HOT("sporadic-hotspot"),
  /** Fewer than 90 % of steps cold, at least one cold and none hot. */
  SPORADIC_COLD("sporadic-coldspot"),
  /** None of the above. */
  NO_PATTERN("no-pattern");

  /** The share of steps ArcGIS and sfdep call "most of the time". */
  static final double MOST = 0.9;

  private final String slug;

  EmergingClass(String slug) {
    this.slug = slug;
  }

  /** The class's name in URLs and JSON, e.g. {@code intensifying-hotspot}. */
  public String slug() {
    return slug;
  }

  /**
   * The class as a planner reads it, e.g. "ihållande hotspot" or "persistent hotspot" (Swedish GIS
   * usage keeps "hotspot"; a cold spot is a "kall fläck").
   */
  public String displayName(Lang lang) {
    boolean sv = lang == Lang.SV;
    if (this == NO_PATTERN) {
      return sv ? "inget mönster" : "no pattern";
    }
    String kind =
        switch (name().substring(0, name().lastIndexOf('_'))) {
          case "NEW" -> sv ? "ny" : "new";
          case "CONSECUTIVE" -> sv ? "sammanhängande" : "consecutive";
          case "INTENSIFYING" -> sv ? "tilltagande" : "intensifying";
          case "PERSISTENT" -> sv ? "ihållande" : "persistent";
          case "DIMINISHING" -> sv ? "avtagande" : "diminishing";
          case "OSCILLATING" -> sv ? "växlande" : "oscillating";
          case "HISTORICAL" -> sv ? "historisk" : "historical";
          case "SPORADIC" -> sv ? "sporadisk" : "sporadic";
          default -> throw new IllegalStateException(name());
        };
    String spot = isHot() ? "hotspot" : (sv ? "kall fläck" : "cold spot");
    return kind + " " + spot;
  }

  /** The class of a slug ({@link #slug()}). */
  public static java.util.Optional<EmergingClass> ofSlug(String slug) {
    for (EmergingClass c : values()) {
      if (c.slug.equals(slug)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  public boolean isHot() {
    return name().endsWith("_HOT");
  }

  public boolean isCold() {
    return name().endsWith("_COLD");
  }

  /**
   * The class of one cell.
   *
   * @param z the Gi* z-score per time step, oldest first
   * @param significant whether each step's Gi* p-value is ≤ α
   * @param trend the Mann–Kendall test of {@code z}
   * @param alpha the level for the trend, the same as for the steps (as sfdep's {@code threshold})
   */
  public static EmergingClass classify(
      double[] z, boolean[] significant, MannKendall trend, double alpha) {
    int n = z.length;
    if (significant.length != n || n == 0) {
      throw new IllegalArgumentException("z " + n + " and significance " + significant.length);
    }
    int sig = 0;
    int hot = 0;
    int cold = 0;
    for (int t = 0; t < n; t++) {
      if (significant[t]) {
        sig++;
        if (z[t] > 0) {
          hot++;
        } else if (z[t] < 0) {
          cold++;
        }
      }
    }
    int last = n - 1;
    boolean lastSig = significant[last];
    boolean lastHot = lastSig && z[last] > 0;
    boolean lastCold = lastSig && z[last] < 0;
    double hotShare = (double) hot / n;
    double coldShare = (double) cold / n;
    double tau = trend.tau();
    double pTau = trend.pValue();
    // The final run of significant steps (either sign) and whether anything before it was.
    int run = 0;
    while (run < n && significant[last - run]) {
      run++;
    }
    boolean onlyFinalRun = sig == run;

    if (sig == 1 && lastHot) {
      return NEW_HOT;
    }
    if (sig == 1 && lastCold) {
      return NEW_COLD;
    }
    if (lastHot && onlyFinalRun && hotShare < MOST) {
      return CONSECUTIVE_HOT;
    }
    if (lastCold && onlyFinalRun && coldShare < MOST) {
      return CONSECUTIVE_COLD;
    }
    if (hotShare >= MOST && lastSig && tau > 0 && pTau < alpha) {
      return INTENSIFYING_HOT;
    }
    if (coldShare >= MOST && lastSig && tau < 0 && pTau <= alpha) {
      return INTENSIFYING_COLD;
    }
    if (hotShare >= MOST && pTau > alpha) {
      return PERSISTENT_HOT;
    }
    if (coldShare >= MOST && pTau > alpha) {
      return PERSISTENT_COLD;
    }
    if (hotShare >= MOST && lastSig && tau < 0 && pTau <= alpha) {
      return DIMINISHING_HOT;
    }
    if (coldShare >= MOST && lastSig && tau > 0 && pTau <= alpha) {
      return DIMINISHING_COLD;
    }
    if (hotShare <= MOST && lastHot && cold > 0) {
      return OSCILLATING_HOT;
    }
    if (coldShare < MOST && lastCold && hot > 0) {
      return OSCILLATING_COLD;
    }
    if (hotShare >= MOST && z[last] < 0) {
      return HISTORICAL_HOT;
    }
    if (coldShare >= MOST && z[last] > 0) {
      return HISTORICAL_COLD;
    }
    if (hotShare < MOST && cold == 0 && hot > 0) {
      return SPORADIC_HOT;
    }
    if (coldShare < MOST && hot == 0 && cold > 0) {
      return SPORADIC_COLD;
    }
    return NO_PATTERN;
  }
}
