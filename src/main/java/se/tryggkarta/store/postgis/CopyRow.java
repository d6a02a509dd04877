package se.tryggkarta.store.postgis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import se.tryggkarta.common.DomainException;

/**
 * Builds rows in PostgreSQL's binary COPY format (PostgreSQL 15 manual, "COPY", File Formats →
 * Binary Format): a row is a 16-bit field count, then per field a 32-bit byte length (-1 for NULL)
 * and the value in the type's binary send/receive form, all big-endian. The server then only copies
 * bytes instead of parsing text, which halves its time per row: geometries go as EWKB (what
 * PostGIS's {@code geometry_recv} reads), instants as microseconds since 2000-01-01 UTC. A NUL
 * character cannot be stored in a PostgreSQL text value at all, so it is rejected as invalid input
 * naming the field. Not thread-safe; one per writer, reused row after row.
 */
final class CopyRow {
  /** What a binary COPY stream starts with: signature, flags (none), header extension length 0. */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** What a binary COPY stream ends with: a field count of -1. */
  static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps and dates, in Unix seconds. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;

  private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

  /** The binary form of jsonb: a version byte (1) and the JSON text. */
  private static final byte JSONB_VERSION = 1;

  private byte[] buf = new byte[256];
  private int length;
  private int fields;

  /** Starts a new row, forgetting the previous one; room is left for the field count. */
  CopyRow start() {
    length = 2;
    fields = 0;
    return this;
  }

  /** Writes the finished row. */
  void writeTo(OutputStream out) throws IOException {
    buf[0] = (byte) (fields >>> 8);
    buf[1] = (byte) fields;
    out.write(buf, 0, length);
  }

  /** The finished row's bytes (for tests). */
  byte[] bytes() {
    buf[0] = (byte) (fields >>> 8);
    buf[1] = (byte) fields;
    return Arrays.copyOf(buf, length);
  }

  /** A bigint. */
  CopyRow number(long v) {
    field(8);
    putLong(v);
    return this;
  }

  /** A double precision. */
  CopyRow number(double v) {
    field(8);
    putLong(Double.doubleToLongBits(v));
    return this;
  }

  CopyRow number(OptionalDouble v) {
    return v.isPresent() ? number(v.getAsDouble()) : nul();
  }

  /** A timestamptz, to the microsecond (finer digits are cut, as the column cannot hold them). */
  CopyRow instant(Instant t) {
    field(8);
    putLong((t.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + t.getNano() / 1_000);
    return this;
  }

  /** A date. */
  CopyRow date(Optional<LocalDate> d) {
    if (d.isEmpty()) {
      return nul();
    }
    field(4);
    putInt((int) (d.get().toEpochDay() - PG_EPOCH_DAY));
    return this;
  }

  /** A geometry as EWKB. */
  CopyRow geometry(byte[] ewkb) {
    field(ewkb.length);
    System.arraycopy(ewkb, 0, buf, length, ewkb.length);
    length += ewkb.length;
    return this;
  }

  CopyRow text(String field, Optional<String> v) {
    return v.isPresent() ? text(field, v.get()) : nul();
  }

  /** A text value, UTF-8 (the connection's client encoding); null writes NULL. */
  CopyRow text(String field, String v) {
    if (v == null) {
      return nul();
    }
    byte[] utf8 = utf8(field, v);
    field(utf8.length);
    System.arraycopy(utf8, 0, buf, length, utf8.length);
    length += utf8.length;
    return this;
  }

  /**
   * A jsonb value from its JSON text; null writes NULL. jsonb cannot hold a NUL character either,
   * and JSON writes one as the escape {@code \u0000}, so that escape is rejected too (but not an
   * escaped backslash followed by the text {@code u0000}).
   */
  CopyRow jsonb(String field, String json) {
    if (json == null) {
      return nul();
    }
    if (hasNulEscape(json)) {
      throw DomainException.invalid(field, "a property contains a NUL character (U+0000)");
    }
    byte[] utf8 = utf8(field, json);
    field(1 + utf8.length);
    buf[length++] = JSONB_VERSION;
    System.arraycopy(utf8, 0, buf, length, utf8.length);
    length += utf8.length;
    return this;
  }

  /** Whether the JSON text has an unescaped {@code \u0000}: an odd run of backslashes before it. */
  private static boolean hasNulEscape(String json) {
    for (int i = json.indexOf("\\u0000"); i >= 0; i = json.indexOf("\\u0000", i + 1)) {
      int backslashes = 0;
      for (int j = i; j >= 0 && json.charAt(j) == '\\'; j--) {
        backslashes++;
      }
      if (backslashes % 2 == 1) {
        return true;
      }
    }
    return false;
  }

  CopyRow nul() {
    fields++;
    ensure(4);
    putInt(-1);
    return this;
  }

  private static byte[] utf8(String field, String v) {
    if (v.indexOf('\0') >= 0) {
      throw DomainException.invalid(field, field + " contains a NUL character (U+0000)");
    }
    return v.getBytes(StandardCharsets.UTF_8);
  }

  /** Opens a field of the given byte length. */
  private void field(int bytes) {
    fields++;
    ensure(4 + bytes);
    putInt(bytes);
  }

  private void ensure(int more) {
    if (length + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
    }
  }

  private void putInt(int v) {
    buf[length++] = (byte) (v >>> 24);
    buf[length++] = (byte) (v >>> 16);
    buf[length++] = (byte) (v >>> 8);
    buf[length++] = (byte) v;
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }
}
