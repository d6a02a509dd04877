package se.tryggkarta.store.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry blob (OGC 12-128r18, §2.1.3): an 8-byte header ("GP", version 0, flags,
 * SRS id), an optional envelope, then standard WKB. Points are written without an envelope (their
 * envelope is the point), other geometries with the [minx, maxx, miny, maxy] envelope so that
 * readers can filter without parsing the WKB. Stateless and thread-safe.
 */
final class GpkgGeometry {
  private static final int HEADER_BYTES = 8;
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private GpkgGeometry() {}

  static byte[] encode(Geometry g, int srsId) {
    byte[] wkb =
        new WKBWriter(2, ByteOrder.LITTLE_ENDIAN == ByteOrder.nativeOrder() ? 2 : 1).write(g);
    boolean withEnvelope = !g.isEmpty() && g.getNumPoints() > 1;
    int envelopeBytes = withEnvelope ? 32 : 0;
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + envelopeBytes + wkb.length);
    buf.put((byte) 'G').put((byte) 'P').put((byte) 0);
    int flags = 1; // little-endian header values
    if (withEnvelope) {
      flags |= 1 << 1; // envelope indicator 1: minx, maxx, miny, maxy
    }
    if (g.isEmpty()) {
      flags |= 1 << 4;
    }
    buf.put((byte) flags);
    buf.order(ByteOrder.LITTLE_ENDIAN).putInt(srsId);
    if (withEnvelope) {
      Envelope e = g.getEnvelopeInternal();
      buf.putDouble(e.getMinX())
          .putDouble(e.getMaxX())
          .putDouble(e.getMinY())
          .putDouble(e.getMaxY());
    }
    buf.put(wkb);
    return buf.array();
  }

  /**
   * The blob of a 2D point, the same bytes {@link #encode} writes for it (header without envelope,
   * little-endian WKB), without building a geometry: the bulk import writes a million of these.
   */
  static byte[] encodePoint(double x, double y, int srsId) {
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + 21).order(ByteOrder.LITTLE_ENDIAN);
    buf.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(srsId);
    buf.put((byte) 1).putInt(1).putDouble(x).putDouble(y);
    return buf.array();
  }

  static Geometry decode(byte[] blob) {
    int wkbStart = HEADER_BYTES + envelopeBytes(blob);
    try {
      Geometry g =
          new WKBReader(WGS84).read(java.util.Arrays.copyOfRange(blob, wkbStart, blob.length));
      g.setSRID(srsId(blob));
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("corrupt geometry blob in the GeoPackage", e);
    }
  }

  static boolean isEmpty(byte[] blob) {
    return blob == null || (blob[3] & (1 << 4)) != 0;
  }

  /**
   * The envelope [minx, maxx, miny, maxy], from the header when present, else read straight from a
   * 2D WKB point (the R-tree triggers call this four times per row, so points skip the WKB parser),
   * else from the parsed WKB.
   */
  static double[] envelope(byte[] blob) {
    int skip = envelopeBytes(blob);
    if (skip >= 32) {
      ByteBuffer buf = ByteBuffer.wrap(blob, HEADER_BYTES, 32).order(byteOrder(blob));
      return new double[] {buf.getDouble(), buf.getDouble(), buf.getDouble(), buf.getDouble()};
    }
    int wkb = HEADER_BYTES + skip;
    if (blob.length == wkb + 21) {
      ByteBuffer buf =
          ByteBuffer.wrap(blob, wkb + 1, 20)
              .order(blob[wkb] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      if (buf.getInt() == 1) { // WKB type 1: a 2D Point
        double x = buf.getDouble();
        double y = buf.getDouble();
        return new double[] {x, x, y, y};
      }
    }
    Envelope e = decode(blob).getEnvelopeInternal();
    return new double[] {e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()};
  }

  /**
   * Reads a point's x and y into {@code xy} without building a geometry (the columnar scan's path).
   * False when the blob holds an empty point or no point at all; Z and M values are ignored.
   */
  static boolean point(byte[] blob, double[] xy) {
    if (blob == null || isEmpty(blob)) {
      return false;
    }
    int wkb = HEADER_BYTES + envelopeBytes(blob);
    if (blob.length < wkb + 21) {
      return false;
    }
    ByteBuffer buf =
        ByteBuffer.wrap(blob, wkb + 1, 20)
            .order(blob[wkb] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int type = buf.getInt() & 0x0fff_ffff; // EWKB's Z/M/SRID flags live in the high bits
    if (type % 1000 != 1) { // 1, 1001, 2001, 3001: Point, Point Z, Point M, Point ZM (ISO WKB)
      return false;
    }
    xy[0] = buf.getDouble();
    xy[1] = buf.getDouble();
    return !Double.isNaN(xy[0]) && !Double.isNaN(xy[1]);
  }

  private static int srsId(byte[] blob) {
    return ByteBuffer.wrap(blob, 4, 4).order(byteOrder(blob)).getInt();
  }

  private static ByteOrder byteOrder(byte[] blob) {
    return (blob[3] & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }

  private static int envelopeBytes(byte[] blob) {
    if (blob.length < HEADER_BYTES || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalStateException("not a GeoPackage geometry blob");
    }
    int indicator = (blob[3] >> 1) & 0b111;
    return switch (indicator) {
      case 0 -> 0;
      case 1 -> 32;
      case 2, 3 -> 48;
      case 4 -> 64;
      default -> throw new IllegalStateException("bad envelope indicator " + indicator);
    };
  }
}
