package se.tryggkarta.http;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;

/**
 * A file upload's request body, held to the upload limit for every route that takes files (layer
 * imports, street networks): refused by its Content-Length before reading, and counted while read,
 * so a body without a length cannot exceed the limit either. Both answer TOO_LARGE (413).
 */
public final class UploadBody {
  /** How far past the limit a body is still read (and discarded) before the 413. */
  static final long DRAIN_SLACK_BYTES = 16L << 20;

  private UploadBody() {}

  /** The body as a stream that fails with TOO_LARGE once more than {@code maxBytes} were read. */
  public static InputStream open(Context ctx, long maxBytes) {
    if (ctx.contentLength() > maxBytes) {
      // Read a modest overshoot before answering: a client that sends the whole body before it
      // reads (most do, without Expect: 100-continue) would otherwise see the connection close
      // under it instead of the 413. Far larger bodies are refused at once.
      if (ctx.contentLength() <= maxBytes + DRAIN_SLACK_BYTES) {
        drain(ctx.bodyInputStream());
      }
      throw tooLarge(maxBytes);
    }
    return new Limited(ctx.bodyInputStream(), maxBytes);
  }

  /** Reads what the client still sends, so it sees the answer rather than a reset. */
  public static void drain(InputStream body) {
    try {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | DomainException ignored) {
      // the answer is already decided; a broken or oversized rest changes nothing
    }
  }

  private static DomainException tooLarge(long maxBytes) {
    return new DomainException(
        ErrorKind.TOO_LARGE,
        "the upload is larger than the limit of " + maxBytes + " bytes",
        Optional.of("body"),
        List.of(FieldError.ofField("body", "larger than " + maxBytes + " bytes")),
        null);
  }

  /** Counts bytes read and fails with TOO_LARGE past the limit. */
  private static final class Limited extends FilterInputStream {
    private final long maxBytes;
    private long count;

    Limited(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }
  }
}
