package se.tryggkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests for an {@link AnalysisPool} to reach a state (callers parked, tasks queued) that
 * happens inside the pool, so that no latch of the test's own can signal it.
 */
public final class PoolStates {
  private PoolStates() {}

  /** Polls every 5 ms until {@code reached}; fails the test after {@code limit}. */
  public static void awaitUntil(BooleanSupplier reached, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!reached.getAsBoolean()) {
      assertThat(System.nanoTime()).as("pool state not reached in " + limit).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
