package se.tryggkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalysisPoolTimeLimitTest {
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(AnalysisPool.TIME_LIMIT_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(AnalysisPool.TIME_LIMIT_PROPERTY);
    } else {
      System.setProperty(AnalysisPool.TIME_LIMIT_PROPERTY, saved);
    }
  }

  @Test
  void without_the_property_a_caller_waits_twenty_seconds() {
    System.clearProperty(AnalysisPool.TIME_LIMIT_PROPERTY);
    assertThat(AnalysisPool.configuredTimeLimit()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void the_property_sets_the_wait_as_an_iso_duration() {
    System.setProperty(AnalysisPool.TIME_LIMIT_PROPERTY, "PT90S");
    assertThat(AnalysisPool.configuredTimeLimit()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void a_value_that_is_not_a_positive_duration_is_refused_naming_the_property() {
    System.setProperty(AnalysisPool.TIME_LIMIT_PROPERTY, "90");
    assertThatThrownBy(AnalysisPool::configuredTimeLimit)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(AnalysisPool.TIME_LIMIT_PROPERTY);
    System.setProperty(AnalysisPool.TIME_LIMIT_PROPERTY, "PT0S");
    assertThatThrownBy(AnalysisPool::configuredTimeLimit).hasMessageContaining("must be positive");
  }
}
