package se.tryggkarta.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Cached heavy analyses: each {@link AnalysisKey} is computed at most once at a time on the {@link
 * AnalysisPool} and its result kept (byte-bounded) until evicted; a new data version is a new key.
 * Thread-safe.
 */
public final class AnalysisCache {
  private final AnalysisPool pool;

  public AnalysisCache(AnalysisPool pool) {
    this.pool = pool;
  }

  /** The pool the analyses run on. */
  public AnalysisPool pool() {
    return pool;
  }

  /** The cached result of {@code key}, else {@code compute} run on the pool. */
  public <T> T get(AnalysisKey<T> key, Supplier<T> compute) {
    return pool.<Sized<T>>get(
            key,
            () -> {
              T value = compute.get();
              return new Sized<>(value, key.weightBytes(value));
            })
        .value();
  }

  private record Sized<T>(T value, int weightBytes) implements AnalysisPool.Weighed {}

  /**
   * An entity tag: a digest of the parts (workspace, data version, audience, a canonical text of
   * the request with its parameters sorted), equal on every instance sharing a store.
   */
  public static String etag(String... parts) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(h, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
