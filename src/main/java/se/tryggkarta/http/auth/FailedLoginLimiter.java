package se.tryggkarta.http.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down key guessing: a client address that sends more than {@code maxFailures} bad keys
 * within {@code windowMillis} is refused (429) until the window has passed. Bounded in memory: the
 * table is cleared when it grows past 10 000 addresses. Thread-safe.
 */
final class FailedLoginLimiter {
  private record Window(long startMillis, int failures) {}

  private final int maxFailures;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  FailedLoginLimiter(int maxFailures, long windowMillis, Clock clock) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowMillis;
    this.clock = clock;
  }

  boolean isBlocked(String client) {
    Window w = windows.get(client);
    return w != null
        && clock.millis() - w.startMillis() < windowMillis
        && w.failures() >= maxFailures;
  }

  void recordFailure(String client) {
    if (windows.size() > 10_000) {
      windows.clear();
    }
    long now = clock.millis();
    windows.merge(
        client,
        new Window(now, 1),
        (old, fresh) ->
            now - old.startMillis() >= windowMillis
                ? fresh
                : new Window(old.startMillis(), old.failures() + 1));
  }
}
