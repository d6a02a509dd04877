package se.tryggkarta.tiles;

import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * One tile of the Web Mercator XYZ scheme (EPSG:3857, the OSM/Google "slippy map" tiling): zoom
 * {@code z} 0..{@value #MAX_ZOOM}, column {@code x} west to east and row {@code y} north to south,
 * each 0..2^z − 1, {@value #SIZE} × {@value #SIZE} pixels. Formulas (Snyder 1987, spherical
 * Mercator on the WGS84 semi-major axis a = 6 378 137 m), for global pixel coordinates (X, Y) at
 * zoom z with N = 256·2^z:
 *
 * <pre>  lon = 360·X/N − 180,   lat = atan(sinh(π·(1 − 2·Y/N)))
 *  ground size of a pixel = 2π·a·cos(lat)/N  [m]</pre>
 */
public record TileCoord(int z, int x, int y) {
  public static final int MAX_ZOOM = 22;
  public static final int SIZE = 256;
  static final double EARTH_RADIUS_METERS = 6_378_137;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw DomainException.invalid("z", "zoom must be 0.." + MAX_ZOOM + ", was " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n) {
      throw DomainException.invalid(
          "x", "x must be 0.." + (n - 1) + " at zoom " + z + ", was " + x);
    }
    if (y < 0 || y >= n) {
      throw DomainException.invalid(
          "y", "y must be 0.." + (n - 1) + " at zoom " + z + ", was " + y);
    }
  }

  /** The centre of pixel (column {@code px}, row {@code py} from the top) in WGS84. */
  public LonLat pixelCentre(int px, int py) {
    return lonLat(x * (double) SIZE + px + 0.5, y * (double) SIZE + py + 0.5);
  }

  /** The point at global pixel coordinates (X, Y) of this zoom. */
  public LonLat lonLat(double globalX, double globalY) {
    double n = SIZE * Math.pow(2, z);
    double lon = 360 * globalX / n - 180;
    double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * globalY / n))));
    return new LonLat(lon, lat);
  }

  /** The ground size of one pixel at latitude {@code latDegrees}, in metres. */
  public double pixelMeters(double latDegrees) {
    return 2
        * Math.PI
        * EARTH_RADIUS_METERS
        * Math.cos(Math.toRadians(latDegrees))
        / (SIZE * Math.pow(2, z));
  }

  /** The tile's corners as (west, south, east, north) in WGS84 degrees. */
  public double[] boundsWgs84() {
    LonLat nw = lonLat(x * (double) SIZE, y * (double) SIZE);
    LonLat se = lonLat((x + 1) * (double) SIZE, (y + 1) * (double) SIZE);
    return new double[] {nw.lon(), se.lat(), se.lon(), nw.lat()};
  }

  /** The tile's extent in EPSG:3857 metres as (minX, minY, maxX, maxY). */
  public double[] boundsMercator() {
    double world = 2 * Math.PI * EARTH_RADIUS_METERS;
    double tile = world / Math.pow(2, z);
    double minX = -world / 2 + x * tile;
    double maxY = world / 2 - y * tile;
    return new double[] {minX, maxY - tile, minX + tile, maxY};
  }

  /** Parses the path segments {@code z}, {@code x} and {@code y} (400 naming the bad one). */
  public static TileCoord parse(String z, String x, String y) {
    return new TileCoord(integer("z", z), integer("x", x), integer("y", y));
  }

  private static int integer(String field, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be an integer, was '" + text + "'");
    }
  }
}
