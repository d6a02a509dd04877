package se.tryggkarta.store.postgis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads rows of PostgreSQL's binary COPY format (PostgreSQL 15 manual, "COPY", File Formats →
 * Binary Format), the reverse of {@link CopyRow}: a signature and header, then per row a 16-bit
 * field count (−1 ends the data) and per field a 32-bit length (−1 for NULL) and the value in the
 * type's binary send form, all big-endian. Reads straight from the COPY stream through its own
 * buffer, allocating nothing per row but text values not seen before. Not thread-safe.
 */
final class CopyOutRows {
  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
  static final long PG_EPOCH_MILLIS = 946_684_800_000L;

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private final KnownTexts knownTexts = new KnownTexts();

  CopyOutRows(InputStream in) throws IOException {
    this.in = in;
    byte[] header = bytes(CopyRow.HEADER.length - 4);
    if (!Arrays.equals(header, 0, 11, CopyRow.HEADER, 0, 11)) {
      throw new IOException("not a binary COPY stream");
    }
    int extension = int32();
    skip(extension);
  }

  /** Starts the next row: its field count, or −1 after the last row. */
  int nextRow() throws IOException {
    return int16();
  }

  /** Reads the stream to its end (the server's end of the COPY), after the last row. */
  void finish() throws IOException {
    pos = limit;
    while (in.read(buf) >= 0) {
      pos = limit;
    }
  }

  /** A double precision field; NaN for NULL. */
  double float8() throws IOException {
    int length = int32();
    if (length < 0) {
      return Double.NaN;
    }
    expect(length, 8);
    return Double.longBitsToDouble(int64());
  }

  /**
   * A timestamptz field in milliseconds since 1970-01-01T00:00Z (microseconds floored), or {@code
   * ifNull}.
   */
  long timestampMillis(long ifNull) throws IOException {
    int length = int32();
    if (length < 0) {
      return ifNull;
    }
    expect(length, 8);
    return Math.floorDiv(int64(), 1000L) + PG_EPOCH_MILLIS;
  }

  /**
   * A text field (UTF-8); the empty string for NULL. Short values seen before come back as the same
   * String instance, without decoding: a layer's categories are a handful of values repeated over a
   * million rows, and decoding each row's copy was a third of a cold index read's CPU.
   */
  String text() throws IOException {
    int length = int32();
    if (length <= 0) {
      return "";
    }
    fill(Math.min(length, buf.length));
    if (length > limit - pos) {
      return new String(bytes(length), StandardCharsets.UTF_8);
    }
    String s = knownTexts.lookUp(buf, pos, length);
    pos += length;
    return s;
  }

  /**
   * The first {@link #CAPACITY} distinct short texts of the stream, by their bytes (open addressing
   * on the bytes' hash); once full, further texts are decoded and returned without being kept, so
   * memory stays bounded whatever the column holds.
   */
  private static final class KnownTexts {
    private static final int CAPACITY = 1024;
    private static final int MAX_LENGTH = 256;
    private final byte[][] keys = new byte[2 * CAPACITY][];
    private final String[] values = new String[2 * CAPACITY];
    private int count;

    String lookUp(byte[] b, int from, int length) {
      if (length > MAX_LENGTH) {
        return new String(b, from, length, StandardCharsets.UTF_8);
      }
      int h = 1;
      for (int i = from; i < from + length; i++) {
        h = 31 * h + b[i];
      }
      int mask = keys.length - 1;
      for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        byte[] k = keys[slot];
        if (k == null) {
          String s = new String(b, from, length, StandardCharsets.UTF_8);
          if (count < CAPACITY) {
            keys[slot] = Arrays.copyOfRange(b, from, from + length);
            values[slot] = s;
            count++;
          }
          return s;
        }
        if (Arrays.equals(k, 0, k.length, b, from, from + length)) {
          return values[slot];
        }
      }
    }
  }

  private static void expect(int length, int wanted) throws IOException {
    if (length != wanted) {
      throw new IOException("binary COPY field of " + length + " bytes, expected " + wanted);
    }
  }

  private int int16() throws IOException {
    fill(2);
    int v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
    pos += 2;
    return v;
  }

  private int int32() throws IOException {
    fill(4);
    int v =
        ((buf[pos] & 0xff) << 24)
            | ((buf[pos + 1] & 0xff) << 16)
            | ((buf[pos + 2] & 0xff) << 8)
            | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  private long int64() throws IOException {
    long hi = int32() & 0xffff_ffffL;
    long lo = int32() & 0xffff_ffffL;
    return (hi << 32) | lo;
  }

  private byte[] bytes(int n) throws IOException {
    byte[] out = new byte[n];
    int done = 0;
    while (done < n) {
      if (pos == limit) {
        fill(1);
      }
      int take = Math.min(n - done, limit - pos);
      System.arraycopy(buf, pos, out, done, take);
      pos += take;
      done += take;
    }
    return out;
  }

  private void skip(int n) throws IOException {
    bytes(n);
  }

  /** Makes at least {@code n} (≤ the buffer's size) unread bytes available. */
  private void fill(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < n) {
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        throw new IOException("binary COPY stream ended inside a row");
      }
      limit += read;
    }
  }
}
