package se.tryggkarta.analysis;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/**
 * Heavy analyses on a bounded pool behind a byte-bounded result cache (Caffeine). Identical
 * concurrent requests (equal keys) share one computation (single flight); a failed computation is
 * not cached. When all {@code threads} are busy and {@code queue} tasks wait, a new computation is
 * refused with {@link ErrorKind#UNAVAILABLE} (field {@code load}; HTTP 503 with Retry-After), and a
 * caller waits at most {@code timeLimit} (then UNAVAILABLE, field {@code timeLimit}; the task is
 * cancelled and its worker interrupted; CPU-bound steps that do not check for interrupts run to
 * their end, so the pool's size, not the time limit, bounds the CPU in use). At most {@code
 * maxWaiting} callers wait for unfinished results at once (those sharing a computation included);
 * one more is refused like a full queue. That bound is what keeps an overload from queueing without
 * end: without it, every tile of a new option set parks a web-server thread on the one surface
 * being computed, and once the server's threads are all parked, even requests the cache could
 * answer wait behind them. Keys must carry the workspace's data version so that writes invalidate.
 * Thread-safe.
 */
public final class AnalysisPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final AsyncCache<Object, Object> cache;
  private final Duration timeLimit;
  private final Semaphore waiting;
  private final int maxWaiting;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /**
   * A pool whose waiting callers are bounded at four for each task it runs or queues.
   *
   * @param threads worker threads (≥ 1)
   * @param queue tasks allowed to wait (≥ 0)
   * @param maxBytes the cache's bound: the sum of the entries' weights in bytes
   * @param timeLimit how long a caller waits for one analysis
   */
  public AnalysisPool(int threads, int queue, long maxBytes, Duration timeLimit) {
    this(threads, queue, 4 * (threads + queue), maxBytes, timeLimit);
  }

  /**
   * @param threads worker threads (≥ 1)
   * @param queue tasks allowed to wait (≥ 0)
   * @param maxWaiting callers allowed to wait for unfinished results at once (≥ 1)
   * @param maxBytes the cache's bound: the sum of the entries' weights in bytes
   * @param timeLimit how long a caller waits for one analysis
   */
  public AnalysisPool(int threads, int queue, int maxWaiting, long maxBytes, Duration timeLimit) {
    if (threads < 1 || queue < 0 || maxWaiting < 1 || maxBytes < 0 || timeLimit.isNegative()) {
      throw new IllegalArgumentException(
          "bad pool "
              + threads
              + "/"
              + queue
              + "/"
              + maxWaiting
              + "/"
              + maxBytes
              + "/"
              + timeLimit);
    }
    this.waiting = new Semaphore(maxWaiting);
    this.maxWaiting = maxWaiting;
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            queue == 0
                ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "analysis");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Object k, Object v) -> v instanceof Weighed w ? w.weightBytes() : 64)
            .buildAsync();
    this.timeLimit = timeLimit;
  }

  /**
   * Defaults for one machine: as many threads as cores, 16 waiting tasks a thread, 4 waiting
   * callers a task (136 on two cores, well under the web server's 250 request threads), 128 MB of
   * results, 20 s a call (the system property {@value #TIME_LIMIT_PROPERTY}, an ISO-8601 duration
   * such as {@code PT60S}, changes it: for a slow machine, and for the tests, which check answers
   * rather than speed).
   */
  public static AnalysisPool defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new AnalysisPool(cores, 16 * cores, 128L << 20, configuredTimeLimit());
  }

  /** The system property that sets the default pool's time limit. */
  public static final String TIME_LIMIT_PROPERTY = "tryggkarta.analysisTimeLimit";

  static Duration configuredTimeLimit() {
    String value = System.getProperty(TIME_LIMIT_PROPERTY, "PT20S");
    try {
      Duration d = Duration.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(TIME_LIMIT_PROPERTY + " must be positive: " + value);
      }
      return d;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          TIME_LIMIT_PROPERTY + " is not an ISO-8601 duration such as PT60S: " + value, e);
    }
  }

  /**
   * The public releases' pool: one thread, 8 waiting tasks, 32 waiting callers, 64 MB of results,
   * 60 s a call. One thread whatever the machine, so that computing releases (and rendering public
   * tiles) can never take more than one core from members' analyses, however many anonymous
   * requests arrive; past the bounds they get 503 at once instead of queueing.
   */
  public static AnalysisPool forReleases() {
    return new AnalysisPool(1, 8, 32, 64L << 20, Duration.ofSeconds(60));
  }

  /** A cached value that knows its approximate size in bytes. */
  public interface Weighed {
    int weightBytes();
  }

  /**
   * The cached value of {@code key}, else {@code compute} run on the pool (once for all concurrent
   * callers with an equal key). Domain errors of {@code compute} are rethrown as they are.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    if (WORKER.get() == this) {
      return (T) nested(key, compute);
    }
    CompletableFuture<Object> f = cache.getIfPresent(key);
    if (f != null && failed(f)) {
      cache.asMap().remove(key, f);
      f = null;
    }
    if (f != null) {
      hits.incrementAndGet();
    } else {
      try {
        f =
            cache.get(
                key,
                (k, ex) -> {
                  misses.incrementAndGet();
                  return submit(compute);
                });
      } catch (RejectedExecutionException e) {
        throw refusal();
      }
    }
    try {
      return (T) await(f);
    } finally {
      if (failed(f)) {
        cache.asMap().remove(key, f);
      }
    }
  }

  /**
   * Whether a future is done with a failure (a {@link Failure} or, once cancelled, an exception).
   */
  private static boolean failed(CompletableFuture<Object> f) {
    return f.isCompletedExceptionally() || (f.isDone() && f.getNow(null) instanceof Failure);
  }

  /**
   * An analysis asked for by another one already running on this pool's worker: it must not wait
   * for a task of its own pool (with every worker busy, and one thread in the releases' pool, that
   * waits forever), so it is computed here, in the worker. A finished result is reused; one still
   * being computed (or queued) elsewhere is computed again rather than waited for, and cached when
   * no other result has been stored meanwhile.
   */
  private Object nested(Object key, Supplier<?> compute) {
    CompletableFuture<Object> f = cache.getIfPresent(key);
    if (f != null && f.isDone() && !failed(f)) {
      hits.incrementAndGet();
      return result(f);
    }
    misses.incrementAndGet();
    Object value = compute.get();
    cache.asMap().putIfAbsent(key, CompletableFuture.completedFuture(value));
    return value;
  }

  /** The pool whose task the current thread runs, if any. */
  private static final ThreadLocal<AnalysisPool> WORKER = new ThreadLocal<>();

  /**
   * Runs {@code compute} on the pool without caching (for work whose result another cache keeps),
   * with the same refusal and time limit as {@link #get}.
   */
  @SuppressWarnings("unchecked")
  public <T> T run(Supplier<T> compute) {
    if (WORKER.get() == this) {
      return compute.get();
    }
    CompletableFuture<Object> f;
    try {
      f = submit(compute);
    } catch (RejectedExecutionException e) {
      throw refusal();
    }
    return (T) await(f);
  }

  private Object await(CompletableFuture<Object> f) {
    if (f.isDone()) {
      return result(f);
    }
    if (!waiting.tryAcquire()) {
      throw refusal();
    }
    try {
      return result(f);
    } finally {
      waiting.release();
    }
  }

  /** Counts a refused call and says why (HTTP 503 with Retry-After). */
  private DomainException refusal() {
    refused.incrementAndGet();
    return new DomainException(
        ErrorKind.UNAVAILABLE, "load", "too many analyses in progress; retry shortly");
  }

  private Object result(CompletableFuture<Object> f) {
    Object value;
    try {
      value = f.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new DomainException(
          ErrorKind.UNAVAILABLE, "timeLimit", "analysis took longer than " + timeLimit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException(ErrorKind.UNAVAILABLE, "load", "interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (value instanceof Failure failure) {
      throw failure.rethrow();
    }
    return value;
  }

  /**
   * What a computation threw, as the value of its future. A future completed exceptionally inside
   * the cache makes Caffeine log a warning with a stack trace ("Exception thrown during
   * asynchronous load"), yet a domain error (bad parameters, too few events) is an answer to the
   * caller, not a fault of the service; the caller rethrows it and {@link #get} drops it from the
   * cache.
   */
  private record Failure(Throwable thrown) {
    RuntimeException rethrow() {
      if (thrown instanceof RuntimeException r) {
        throw r;
      }
      if (thrown instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(thrown);
    }
  }

  /** Runs compute on the pool; cancelling the returned future interrupts the worker. */
  private CompletableFuture<Object> submit(Supplier<?> compute) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    Future<?> task =
        executor.submit(
            () -> {
              WORKER.set(this);
              try {
                result.complete(compute.get());
              } catch (RuntimeException | Error e) {
                result.complete(new Failure(e));
              } finally {
                WORKER.remove();
              }
            });
    result.whenComplete(
        (v, e) -> {
          if (result.isCancelled()) {
            task.cancel(true);
          }
        });
    return result;
  }

  /** Cache hits, misses (computations started) and refusals since start. */
  public Stats stats() {
    return new Stats(hits.get(), misses.get(), refused.get());
  }

  /** Callers now waiting for an unfinished result (bounded by {@code maxWaiting}). */
  public int waitingCallers() {
    return maxWaiting - waiting.availablePermits();
  }

  /** Tasks now waiting for a worker (bounded by {@code queue}). */
  public int queuedTasks() {
    return executor.getQueue().size();
  }

  /** Counters of {@link #get}. */
  public record Stats(long hits, long misses, long refused) {}

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
