package se.tryggkarta.store.postgis;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One hot standby (PostgreSQL streaming replication) the store sends heavy reads to, with what it
 * has learned of it: the WAL position it is known to have replayed, and whether it is resting after
 * a failure. Thread-safe.
 */
final class ReadReplica {
  /** How long a standby that failed is left alone before it is tried again. */
  static final long REST_AFTER_FAILURE_NANOS = 10_000_000_000L;

  private final HikariDataSource pool;
  private final String description;
  private final AtomicLong replayedLsn = new AtomicLong(-1);
  private volatile long restingUntilNanos;

  ReadReplica(HikariDataSource pool, String description) {
    this.pool = pool;
    this.description = description;
  }

  String description() {
    return description;
  }

  boolean isResting() {
    return System.nanoTime() - restingUntilNanos < 0;
  }

  void rest() {
    restingUntilNanos = System.nanoTime() + REST_AFTER_FAILURE_NANOS;
  }

  /**
   * A connection to the standby once it has replayed the primary's WAL up to {@code targetLsn},
   * waiting (polling every {@code pollMillis}) until {@code deadlineNanos}; null when it has not by
   * then, or when it is no standby (any more): a promoted or mistaken server could hold other data.
   */
  Connection caughtUp(long targetLsn, long deadlineNanos, long pollMillis)
      throws SQLException, InterruptedException {
    Connection c = pool.getConnection();
    boolean handedOut = false;
    try {
      while (true) {
        if (replayedLsn.get() >= targetLsn) {
          handedOut = true;
          return c;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1) || rs.getString(2) == null) {
            return null;
          }
          replayedLsn.accumulateAndGet(parseLsn(rs.getString(2)), Math::max);
        }
        if (replayedLsn.get() >= targetLsn) {
          handedOut = true;
          return c;
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
          return null;
        }
        Thread.sleep(pollMillis);
      }
    } finally {
      if (!handedOut) {
        c.close();
      }
    }
  }

  /** A WAL position as PostgreSQL prints it ({@code 16/B374D848}: high and low 32 bits in hex). */
  static long parseLsn(String text) {
    int slash = text.indexOf('/');
    if (slash < 1) {
      throw new IllegalArgumentException("not a WAL position: " + text);
    }
    return (Long.parseLong(text.substring(0, slash), 16) << 32)
        | Long.parseLong(text.substring(slash + 1), 16);
  }

  void close() {
    pool.close();
  }
}
