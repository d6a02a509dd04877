package se.tryggkarta.route.osm;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import crosby.binary.Fileformat;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;

/**
 * Checks an OpenStreetMap PBF file's framing and decompressed sizes before Osmosis reads it, so
 * that a small file cannot make the reader allocate or inflate without bound (a decompression
 * bomb). The PBF format (wiki.openstreetmap.org/wiki/PBF_Format) is a sequence of (4-byte length,
 * BlobHeader, Blob); it caps a BlobHeader at 64 KiB and a blob, compressed or not, at 32 MiB. This
 * scan holds every blob to those caps by the bytes it actually inflates to (not only by the size it
 * declares, which is what the reader allocates), requires the declared size to be the real one,
 * bounds the sum over the file, and bounds the values a data block unpacks into ({@link
 * #MAX_VALUES_PER_BLOB}), since the reader unpacks a whole block at once. Only raw and zlib blobs
 * are accepted (what Osmosis reads). Memory: one compressed blob at a time and small buffers; the
 * decompressed data are streamed. Stateless.
 */
final class PbfBlobs {
  /** The format's cap on a BlobHeader. */
  static final int MAX_HEADER_BYTES = 64 << 10;

  /** The format's cap on a blob, compressed or decompressed. */
  static final int MAX_BLOB_BYTES = 32 << 20;

  /**
   * The most values one data block may unpack into: 500 times what a block of the usual 8 000
   * entities holds on average, and at most about 32 MiB of unpacked numbers.
   */
  static final long MAX_VALUES_PER_BLOB = 4_000_000;

  private PbfBlobs() {}

  /**
   * Reads the whole file's framing and inflates each blob into a counting sink.
   *
   * @param maxInflatedBytes the most the file's blobs may decompress to, together
   * @return the total decompressed size in bytes
   * @throws DomainException TOO_LARGE naming the bound a blob or the file exceeds; INVALID_INPUT
   *     when the framing is broken
   */
  static long check(Path file, long maxInflatedBytes) {
    long total = 0;
    int blob = 0;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      while (true) {
        int headerBytes;
        try {
          headerBytes = in.readInt();
        } catch (EOFException end) {
          return total;
        }
        blob++;
        if (headerBytes <= 0 || headerBytes > MAX_HEADER_BYTES) {
          throw malformed(blob, "its header length " + headerBytes + " is not 1..64 KiB");
        }
        Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(readFully(in, headerBytes));
        int dataBytes = header.getDatasize();
        if (dataBytes < 0 || dataBytes > MAX_BLOB_BYTES) {
          throw tooLarge(
              "blob " + blob + " is " + dataBytes + " bytes, past the format's cap of 32 MiB");
        }
        Fileformat.Blob data = Fileformat.Blob.parseFrom(readFully(in, dataBytes));
        total += inflatedSize(blob, header.getType(), data);
        if (total > maxInflatedBytes) {
          throw tooLarge(
              "the file decompresses to more than "
                  + (maxInflatedBytes >> 20)
                  + " MiB in total (the service's limit, TRYGGKARTA_MAX_INFLATED_MB), at blob "
                  + blob);
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw malformed(blob, "it is not a protocol-buffer BlobHeader and Blob");
    } catch (EOFException e) {
      throw malformed(blob, "the file ends inside it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long inflatedSize(int blob, String type, Fileformat.Blob data) throws IOException {
    boolean osmData = type.equals("OSMData");
    if (data.hasRaw()) {
      if (osmData) {
        scan(blob, CodedInputStream.newInstance(data.getRaw().newInput()));
      }
      return data.getRaw().size();
    }
    if (!data.hasZlibData()) {
      throw new DomainException(
          ErrorKind.UNSUPPORTED_FORMAT,
          "body",
          "blob "
              + blob
              + " is compressed with a method other than zlib; write the file with zlib");
    }
    int declared = data.getRawSize();
    if (declared > MAX_BLOB_BYTES) {
      throw tooLarge(
          "blob "
              + blob
              + " declares "
              + declared
              + " bytes decompressed, past the format's cap of 32 MiB per blob");
    }
    Inflater inflater = new Inflater();
    try (Counted inflated =
        new Counted(
            blob, new InflaterInputStream(data.getZlibData().newInput(), inflater, 1 << 16))) {
      if (osmData) {
        scan(blob, CodedInputStream.newInstance(inflated));
      }
      inflated.transferTo(OutputStream.nullOutputStream());
      if (inflated.count != declared) {
        throw malformed(
            blob,
            "it declares " + declared + " bytes decompressed but inflates to " + inflated.count);
      }
      return inflated.count;
    } catch (ZipException e) {
      throw malformed(blob, "its zlib stream is corrupt");
    } catch (EOFException e) {
      throw malformed(blob, "its zlib stream is cut short");
    } finally {
      inflater.end();
    }
  }

  /** Decompressed bytes read so far, failing past the per-blob cap. */
  private static final class Counted extends FilterInputStream {
    private final int blob;
    long count;

    Counted(int blob, InputStream in) {
      super(in);
      this.blob = blob;
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

    /** Skips by reading, so that skipped bytes are counted too. */
    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    private void add(int n) {
      count += n;
      if (count > MAX_BLOB_BYTES) {
        throw tooLarge("blob " + blob + " inflates to more than 32 MiB, the format's cap per blob");
      }
    }
  }

  // ---- the elements a data block will unpack into ----

  /**
   * Counts the values the reader will unpack from one PrimitiveBlock (osmformat.proto): strings of
   * the string table, entities, and every number of the packed lists (ids, coordinates, tags, way
   * references, relation members). The reader unpacks a whole block at once, 8 bytes or more per
   * value, so a block of one-byte deltas could otherwise cost eight times its 32 MiB.
   */
  private static void scan(int blob, CodedInputStream in) throws IOException {
    in.setSizeLimit(Integer.MAX_VALUE);
    long[] count = {0};
    message(
        in,
        (field, wire) -> {
          if (field == 1 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            nested(in, () -> message(in, (f, w) -> string(blob, in, f, w, count)));
          } else if (field == 2 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            nested(in, () -> message(in, (f, w) -> group(blob, in, f, w, count)));
          } else {
            in.skipField(field << 3 | wire);
          }
        });
  }

  /** One string of the string table: one value whatever its length. */
  private static void string(int blob, CodedInputStream in, int field, int wire, long[] count)
      throws IOException {
    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      in.skipRawBytes(in.readRawVarint32());
      add(blob, count, 1);
    } else {
      in.skipField(field << 3 | wire);
    }
  }

  private static void group(int blob, CodedInputStream in, int field, int wire, long[] count)
      throws IOException {
    if (wire != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      in.skipField(field << 3 | wire);
      return;
    }
    // nodes (1), dense (2), ways (3), relations (4), changesets (5): one entity, or for dense
    // nodes a set of parallel lists; every field inside counts its values
    add(blob, count, 1);
    nested(
        in,
        () ->
            message(
                in,
                (f, w) -> {
                  if (field == 2 && f == 5 && w == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    nested(in, () -> message(in, (g, x) -> skipCounting(blob, in, x, count)));
                  } else {
                    skipCounting(blob, in, w, count);
                  }
                }));
  }

  /** Skips one field, counting a length-delimited one as packed varints (an upper bound). */
  private static void skipCounting(int blob, CodedInputStream in, int wire, long[] count)
      throws IOException {
    switch (wire) {
      case WireFormat.WIRETYPE_VARINT -> {
        in.readRawVarint64();
        add(blob, count, 1);
      }
      case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
        int length = in.readRawVarint32();
        if (length < 0) {
          throw malformed(blob, "a field has a negative length");
        }
        // each varint ends in a byte with the high bit clear
        long values = 0;
        for (int left = length; left > 0; ) {
          byte[] chunk = in.readRawBytes(Math.min(left, 8192));
          for (byte b : chunk) {
            values += b >= 0 ? 1 : 0;
          }
          left -= chunk.length;
        }
        add(blob, count, Math.max(1, values));
      }
      case WireFormat.WIRETYPE_FIXED64 -> in.skipRawBytes(8);
      case WireFormat.WIRETYPE_FIXED32 -> in.skipRawBytes(4);
      default -> throw malformed(blob, "it uses an unknown protocol-buffer wire type " + wire);
    }
  }

  private static void add(int blob, long[] count, long n) {
    count[0] += n;
    if (count[0] > MAX_VALUES_PER_BLOB) {
      throw tooLarge(
          "blob "
              + blob
              + " unpacks into more than "
              + MAX_VALUES_PER_BLOB
              + " values (ids, coordinates, tags, references); writers put about 8 000 entities"
              + " in a block");
    }
  }

  private interface FieldVisitor {
    void visit(int field, int wire) throws IOException;
  }

  private interface Body {
    void read() throws IOException;
  }

  private static void message(CodedInputStream in, FieldVisitor visitor) throws IOException {
    int tag;
    while ((tag = in.readTag()) != 0) {
      visitor.visit(WireFormat.getTagFieldNumber(tag), WireFormat.getTagWireType(tag));
    }
  }

  private static void nested(CodedInputStream in, Body body) throws IOException {
    int length = in.readRawVarint32();
    if (length < 0) {
      throw new InvalidProtocolBufferException("negative length");
    }
    int limit = in.pushLimit(length);
    body.read();
    in.popLimit(limit);
  }

  private static byte[] readFully(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static DomainException tooLarge(String reason) {
    return new DomainException(
        ErrorKind.TOO_LARGE,
        "the OpenStreetMap PBF file is refused: " + reason,
        Optional.of("body"),
        List.of(FieldError.ofField("body", reason)),
        null);
  }

  private static DomainException malformed(int blob, String reason) {
    String r = "blob " + blob + " is malformed: " + reason;
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        "the file is not readable as OpenStreetMap PBF: " + r,
        Optional.of("body"),
        List.of(FieldError.ofField("body", r)),
        null);
  }
}
