package se.tryggkarta.route.osm;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes OpenStreetMap PBF files for tests by hand-encoding the protocol buffers of
 * wiki.openstreetmap.org/wiki/PBF_Format (fileformat.proto and osmformat.proto), so that files
 * holding millions of elements need no more memory than their bytes: well-formed small files, and
 * bombs (blobs that declare or inflate to more than the format allows, blocks of millions of
 * one-byte node deltas). Stateless.
 */
public final class PbfFiles {
  private PbfFiles() {}

  /** A file of the given framed blobs. */
  public static byte[] file(byte[]... blobs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] b : blobs) {
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  /** The OSMHeader blob every file starts with: OsmSchema-V0.6 and DenseNodes required. */
  public static byte[] header() {
    return frame(
        "OSMHeader",
        zlibBlob(
            message(
                o -> {
                  o.writeString(4, "OsmSchema-V0.6");
                  o.writeString(4, "DenseNodes");
                })));
  }

  /**
   * An OSMData blob of dense nodes with ids first, first+1, ... at the given positions (degrees),
   * and one way through them all tagged highway=footway, name=Testgatan.
   */
  public static byte[] nodesAndWay(long first, double[][] lonLat, long wayId) {
    byte[] dense =
        message(
            o -> {
              long[] ids = new long[lonLat.length];
              long[] lats = new long[lonLat.length];
              long[] lons = new long[lonLat.length];
              long pi = 0;
              long pLat = 0;
              long pLon = 0;
              for (int i = 0; i < lonLat.length; i++) {
                // nanodegrees over the default granularity of 100
                long lat = Math.round(lonLat[i][1] * 1e7);
                long lon = Math.round(lonLat[i][0] * 1e7);
                ids[i] = first + i - pi;
                lats[i] = lat - pLat;
                lons[i] = lon - pLon;
                pi = first + i;
                pLat = lat;
                pLon = lon;
              }
              packedSint(o, 1, ids);
              packedSint(o, 8, lats);
              packedSint(o, 9, lons);
            });
    byte[] way =
        message(
            o -> {
              o.writeInt64(1, wayId);
              packedInt(o, 2, new long[] {1, 3});
              packedInt(o, 3, new long[] {2, 4});
              long[] refs = new long[lonLat.length];
              for (int i = 0; i < refs.length; i++) {
                refs[i] = i == 0 ? first : 1;
              }
              packedSint(o, 8, refs);
            });
    byte[] block =
        message(
            o -> {
              o.writeBytes(
                  1,
                  bs(
                      message(
                          t -> {
                            for (String s :
                                new String[] {"", "highway", "footway", "name", "Testgatan"}) {
                              t.writeString(1, s);
                            }
                          })));
              o.writeBytes(2, bs(message(g -> g.writeBytes(2, bs(dense)))));
              o.writeBytes(2, bs(message(g -> g.writeBytes(3, bs(way)))));
            });
    return frame("OSMData", zlibBlob(block));
  }

  /**
   * An OSMData blob of {@code n} dense nodes whose ids, latitudes and longitudes are one-byte
   * deltas: 3 bytes a node, so 32 MiB unpack into 11 million nodes.
   */
  public static byte[] denseFlood(int n) {
    byte[] dense =
        message(
            o -> {
              repeatedByte(o, 1, (byte) 2, n); // sint64 +1
              repeatedByte(o, 8, (byte) 0, n);
              repeatedByte(o, 9, (byte) 0, n);
            });
    byte[] group = message(g -> g.writeBytes(2, bs(dense)));
    byte[] block =
        message(
            o -> {
              o.writeBytes(1, bs(message(t -> t.writeString(1, ""))));
              o.writeBytes(2, bs(group));
            });
    return frame("OSMData", zlibBlob(block));
  }

  /** A blob of {@code inflated} zero bytes, zlib-compressed, declaring {@code declared} bytes. */
  public static byte[] zeros(String type, long inflated, int declared) {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
      byte[] chunk = new byte[1 << 20];
      for (long left = inflated; left > 0; left -= chunk.length) {
        d.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return frame(
        type,
        message(
            o -> {
              o.writeInt32(2, declared);
              o.writeBytes(3, bs(z.toByteArray()));
            }));
  }

  // ---- encoding ----

  private interface Writer {
    void write(CodedOutputStream o) throws IOException;
  }

  static byte[] message(Writer w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    try {
      w.write(o);
      o.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static com.google.protobuf.ByteString bs(byte[] b) {
    return com.google.protobuf.ByteString.copyFrom(b);
  }

  private static byte[] zlibBlob(byte[] raw) {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
      d.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return message(
        o -> {
          o.writeInt32(2, raw.length);
          o.writeBytes(3, bs(z.toByteArray()));
        });
  }

  private static byte[] frame(String type, byte[] blob) {
    byte[] header =
        message(
            o -> {
              o.writeString(1, type);
              o.writeInt32(3, blob.length);
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header.length >>> 24);
    out.write(header.length >>> 16);
    out.write(header.length >>> 8);
    out.write(header.length);
    out.writeBytes(header);
    out.writeBytes(blob);
    return out.toByteArray();
  }

  private static void packedSint(CodedOutputStream o, int field, long[] values) throws IOException {
    int size = 0;
    for (long v : values) {
      size += CodedOutputStream.computeSInt64SizeNoTag(v);
    }
    o.writeTag(field, 2);
    o.writeUInt32NoTag(size);
    for (long v : values) {
      o.writeSInt64NoTag(v);
    }
  }

  private static void packedInt(CodedOutputStream o, int field, long[] values) throws IOException {
    int size = 0;
    for (long v : values) {
      size += CodedOutputStream.computeInt64SizeNoTag(v);
    }
    o.writeTag(field, 2);
    o.writeUInt32NoTag(size);
    for (long v : values) {
      o.writeInt64NoTag(v);
    }
  }

  private static void repeatedByte(CodedOutputStream o, int field, byte value, int n)
      throws IOException {
    o.writeTag(field, 2);
    o.writeUInt32NoTag(n);
    byte[] chunk = new byte[Math.min(n, 1 << 16)];
    java.util.Arrays.fill(chunk, value);
    for (int left = n; left > 0; left -= chunk.length) {
      o.writeRawBytes(chunk, 0, Math.min(chunk.length, left));
    }
  }
}
