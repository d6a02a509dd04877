package se.tryggkarta.http.ogc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the point of a GeoPackage geometry blob (GP header, then WKB), written independently of the
 * service's own GeoPackage code so that it can serve as an oracle.
 */
final class GpkgPoint {
  private GpkgPoint() {}

  /** lon, lat (x, y) of a GeoPackage point blob. */
  static double[] lonLat(byte[] blob) {
    ByteBuffer b = ByteBuffer.wrap(blob);
    if (blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException("not a GeoPackage geometry");
    }
    int flags = blob[3];
    ByteOrder headerOrder = (flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    int envelope = (flags >> 1) & 7;
    int envelopeDoubles =
        switch (envelope) {
          case 0 -> 0;
          case 1 -> 4;
          case 2, 3 -> 6;
          case 4 -> 8;
          default -> throw new IllegalArgumentException("bad envelope code " + envelope);
        };
    b.order(headerOrder);
    int wkb = 8 + 8 * envelopeDoubles;
    b.position(wkb);
    b.order(b.get() == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int type = b.getInt();
    if (type % 1000 != 1) {
      throw new IllegalArgumentException("not a point: WKB type " + type);
    }
    return new double[] {b.getDouble(), b.getDouble()};
  }
}
