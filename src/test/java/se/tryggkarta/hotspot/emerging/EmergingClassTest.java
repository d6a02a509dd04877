package se.tryggkarta.hotspot.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmergingClassTest {
  /**
   * A step per character: H significant hot (z = 3), C significant cold (z = −3), + and − not
   * significant (z = ±0.5). The trend is given, as the rules read only τ and its p.
   */
  @ParameterizedTest(name = "{0}: {1} τ={2} p={3}")
  @CsvSource({
    "NEW_HOT,          +-+-+-+-+-+H, 0.2, 0.5",
    "NEW_COLD,         +-+-+-+-+-+C, 0.2, 0.5",
    "CONSECUTIVE_HOT,  +-+-+-+-+HHH, 0.5, 0.02",
    "CONSECUTIVE_COLD, +-+-+-+-+CCC, -0.5, 0.02",
    "INTENSIFYING_HOT, HHHHHHHHHHHH, 0.6, 0.001",
    "PERSISTENT_HOT,   HHHHHHHHHHHH, 0.1, 0.6",
    "PERSISTENT_HOT,   HHHHHHHHHHH+, 0.1, 0.6",
    "DIMINISHING_HOT,  HHHHHHHHHHHH, -0.6, 0.001",
    "INTENSIFYING_COLD, CCCCCCCCCCCC, -0.6, 0.001",
    "DIMINISHING_COLD, CCCCCCCCCCCC, 0.6, 0.001", // sfdep's literal rule says INTENSIFYING_HOT
    "PERSISTENT_COLD,  CCCCCCCCCCCC, 0.1, 0.6",
    "OSCILLATING_HOT,  CC++H+--+-+H, 0.3, 0.2",
    "OSCILLATING_COLD, HH++C+--+-+C, -0.3, 0.2",
    "HISTORICAL_HOT,   HHHHHHHHHHH-, -0.5, 0.01",
    "SPORADIC_HOT,     +H+-H+--+-+-, 0.0, 0.9",
    "SPORADIC_COLD,    +C+-C+--+-+-, 0.0, 0.9",
    "NO_PATTERN,       +-+-+-+-+-+-, 0.0, 0.9",
  })
  void classifies_a_z_series_as_sfdep_does(
      EmergingClass expected, String steps, double tau, double p) {
    double[] z = new double[steps.length()];
    boolean[] significant = new boolean[z.length];
    for (int t = 0; t < z.length; t++) {
      char c = steps.charAt(t);
      z[t] = c == 'H' ? 3 : c == 'C' ? -3 : c == '+' ? 0.5 : -0.5;
      significant[t] = c == 'H' || c == 'C';
    }
    assertThat(EmergingClass.classify(z, significant, new MannKendall(0, tau, 0, p), 0.05))
        .isEqualTo(expected);
  }
}
