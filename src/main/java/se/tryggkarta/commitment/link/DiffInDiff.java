package se.tryggkarta.commitment.link;

import se.tryggkarta.common.DomainException;

/**
 * Incident counts inside a promised place and in its comparison area, before and during the
 * commitment's period, and the difference-in-differences of their monthly rates (Angrist &amp;
 * Pischke 2009, "Mostly Harmless Econometrics", §5.2):
 *
 * <pre>
 *   r = count / months
 *   DiD = (r_place,during − r_place,before) − (r_comparison,during − r_comparison,before)
 * </pre>
 *
 * A negative DiD means incidents fell more (or rose less) in the place than around it. It is a
 * description, not proof of effect: it assumes both areas would have followed parallel trends, and
 * counts of reported incidents also move with patrol presence and reporting habits.
 *
 * @param placeBefore incidents in the place before the period
 * @param placeDuring incidents in the place during the period (so far)
 * @param comparisonBefore incidents in the comparison area before the period
 * @param comparisonDuring incidents in the comparison area during the period (so far)
 * @param monthsBefore length of the before window in mean Gregorian months (days / 30.436875)
 * @param monthsDuring length of the during window in mean Gregorian months
 */
public record DiffInDiff(
    long placeBefore,
    long placeDuring,
    long comparisonBefore,
    long comparisonDuring,
    double monthsBefore,
    double monthsDuring) {
  /** Days in a mean Gregorian month: 365.2425 / 12. */
  public static final double DAYS_PER_MONTH = 365.2425 / 12;

  public DiffInDiff {
    if (placeBefore < 0 || placeDuring < 0 || comparisonBefore < 0 || comparisonDuring < 0) {
      throw DomainException.invalid("count", "counts must be >= 0");
    }
    if (!(monthsBefore > 0) || !(monthsDuring > 0)) {
      throw DomainException.invalid(
          "months", "windows must be longer than 0, were " + monthsBefore + ", " + monthsDuring);
    }
  }

  public double placeRateBefore() {
    return placeBefore / monthsBefore;
  }

  public double placeRateDuring() {
    return placeDuring / monthsDuring;
  }

  public double comparisonRateBefore() {
    return comparisonBefore / monthsBefore;
  }

  public double comparisonRateDuring() {
    return comparisonDuring / monthsDuring;
  }

  /** The difference in differences, in incidents per month. */
  public double difference() {
    return (placeRateDuring() - placeRateBefore())
        - (comparisonRateDuring() - comparisonRateBefore());
  }

  /** The smallest of the four counts (for small-count suppression in public outputs). */
  public long smallestCount() {
    return Math.min(
        Math.min(placeBefore, placeDuring), Math.min(comparisonBefore, comparisonDuring));
  }
}
