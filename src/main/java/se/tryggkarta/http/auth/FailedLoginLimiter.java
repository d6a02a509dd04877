package se.tryggkarta.http.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications, per client address and per claimed key id, over fixed windows:
 * once either has had {@code maxFailures} failures within {@code windowMillis}, further failures
 * from it are answered 429 until its window ends. It never stands between a valid key and the
 * service: the policy checks a key before it asks the limiter, and only a failure is ever refused,
 * so an attacker's failures from a shared address (a NAT, a proxy) or against a known key id cannot
 * lock out the key's holder. Bounded in memory: a table is cleared when it grows past 10 000
 * entries. Thread-safe.
 */
final class FailedLoginLimiter {
  private record Window(long startMillis, int failures) {}

  static final int MAX_TRACKED = 10_000;

  private final int maxFailures;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> byAddress = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Window> byKeyId = new ConcurrentHashMap<>();

  FailedLoginLimiter(int maxFailures, long windowMillis, Clock clock) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowMillis;
    this.clock = clock;
  }

  /**
   * Records one failure of {@code address} (and of {@code keyId}, when the token named an existing
   * key) and answers whether the failure is to be refused as too many (429) rather than plainly
   * (401).
   */
  boolean failed(String address, java.util.Optional<String> keyId) {
    boolean over = record(byAddress, address);
    if (keyId.isPresent()) {
      over |= record(byKeyId, keyId.get());
    }
    return over;
  }

  private boolean record(ConcurrentHashMap<String, Window> table, String key) {
    if (table.size() > MAX_TRACKED) {
      table.clear();
    }
    long now = clock.millis();
    Window w =
        table.merge(
            key,
            new Window(now, 1),
            (old, fresh) ->
                now - old.startMillis() >= windowMillis
                    ? fresh
                    : new Window(old.startMillis(), old.failures() + 1));
    return w.failures() > maxFailures;
  }
}
