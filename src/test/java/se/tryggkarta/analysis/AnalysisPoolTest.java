package se.tryggkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

class AnalysisPoolTest {
  static final Duration LONG = Duration.ofSeconds(30);

  @Test
  void identical_concurrent_requests_compute_once() throws Exception {
    try (AnalysisPool pool = new AnalysisPool(2, 8, 1 << 20, LONG)) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            callers.submit(
                () ->
                    pool.<Integer>get(
                        "same",
                        () -> {
                          runs.incrementAndGet();
                          await(release);
                          return 42;
                        })));
      }
      // all eight wait for the one unfinished computation before it may finish
      awaitUntil(() -> pool.waitingCallers() == 8);
      release.countDown();
      for (Future<Integer> a : answers) {
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(42);
      }
      callers.shutdown();
      assertThat(runs).hasValue(1);
      assertThat(pool.<Integer>get("same", () -> 0)).isEqualTo(42);
    }
  }

  @Test
  void requests_beyond_threads_and_queue_are_refused_as_unavailable_and_later_ones_succeed()
      throws Exception {
    try (AnalysisPool pool = new AnalysisPool(1, 1, 1 << 20, LONG)) {
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService callers = Executors.newFixedThreadPool(2);
      CountDownLatch aRuns = new CountDownLatch(1);
      // One running, one queued: the pool is full.
      Future<Integer> running =
          callers.submit(
              () ->
                  pool.<Integer>get(
                      "a",
                      () -> {
                        aRuns.countDown();
                        return block(release);
                      }));
      assertThat(aRuns.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> queued = callers.submit(() -> pool.<Integer>get("b", () -> block(release)));
      awaitUntil(() -> pool.queuedTasks() == 1);
      assertThatThrownBy(() -> pool.get("c", () -> 3))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      callers.shutdown();
      assertThat(pool.<Integer>get("c", () -> 3)).isEqualTo(3);
      assertThat(pool.stats().refused()).isEqualTo(1);
    }
  }

  @Test
  void callers_beyond_the_waiting_bound_are_refused_at_once_even_when_they_share_a_computation()
      throws Exception {
    try (AnalysisPool pool = new AnalysisPool(1, 0, 2, 1 << 20, LONG)) {
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService callers = Executors.newFixedThreadPool(2);
      List<Future<Integer>> waiting = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        waiting.add(callers.submit(() -> pool.<Integer>get("surface", () -> block(release))));
      }
      awaitUntil(() -> pool.waitingCallers() == 2);
      long started = System.nanoTime();
      assertThatThrownBy(() -> pool.get("surface", () -> 2))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                assertThat(e.field()).contains("load");
              });
      // refused, not parked until the time limit
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LONG.dividedBy(3));
      release.countDown();
      for (Future<Integer> w : waiting) {
        assertThat(w.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      }
      callers.shutdown();
      // a finished result is served without waiting, however many callers there are
      assertThat(pool.<Integer>get("surface", () -> 2)).isEqualTo(1);
      assertThat(pool.stats().refused()).isEqualTo(1);
    }
  }

  @Test
  void an_analysis_over_its_time_limit_answers_unavailable_and_is_not_cached() {
    try (AnalysisPool pool = new AnalysisPool(1, 1, 1 << 20, Duration.ofMillis(100))) {
      CountDownLatch never = new CountDownLatch(1);
      assertThatThrownBy(() -> pool.get("slow", () -> block(never)))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.field()).contains("timeLimit"));
      assertThat(pool.<Integer>get("slow", () -> 7)).isEqualTo(7);
    }
  }

  @Test
  void a_failed_analysis_rethrows_its_domain_error_and_is_not_cached() {
    try (AnalysisPool pool = new AnalysisPool(1, 1, 1 << 20, LONG)) {
      assertThatThrownBy(
              () ->
                  pool.get(
                      "bad",
                      () -> {
                        throw DomainException.invalid("bandwidth", "bad");
                      }))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.field()).contains("bandwidth"));
      assertThat(pool.<Integer>get("bad", () -> 5)).isEqualTo(5);
    }
  }

  @Test
  void a_failed_analysis_leaves_no_warning_in_the_log() {
    // Caffeine logs a future that completes exceptionally through System.Logger (JUL here).
    java.util.logging.Logger caffeine = java.util.logging.Logger.getLogger("com.github.benmanes");
    List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    caffeine.addHandler(capture);
    try (AnalysisPool pool = new AnalysisPool(1, 1, 1 << 20, LONG)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(
                () ->
                    pool.get(
                        "too-few",
                        () -> {
                          throw DomainException.invalid("layer", "too few events");
                        }))
            .isInstanceOf(DomainException.class);
      }
      assertThat(pool.stats().misses()).isEqualTo(3);
    } finally {
      caffeine.removeHandler(capture);
    }
    assertThat(logged).isEmpty();
  }

  private static void awaitUntil(BooleanSupplier reached) throws InterruptedException {
    PoolStates.awaitUntil(reached, Duration.ofSeconds(10));
  }

  private static int block(CountDownLatch latch) {
    await(latch);
    return 1;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
