package se.tryggkarta.hotspot.raster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * A density map as a PNG, one pixel per cell, north up: zero cells are fully transparent, others
 * are coloured on a linear ramp from pale yellow through orange to dark red between 0 and the map's
 * maximum, with alpha rising from 0.35 to 0.9 so low values stay see-through. {@link #legend} gives
 * the stops (value in events per km², colour as {@code #rrggbb}).
 */
public final class ColourRamp {
  private static final int[][] STOPS = {
    {255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {240, 59, 32}, {189, 0, 38}
  };

  private ColourRamp() {}

  /** One legend stop. */
  public record Stop(double valuePerKm2, String colour) {}

  public static byte[] png(DensityGrid d) {
    GridSpec g = d.grid();
    double max = d.max();
    BufferedImage img = new BufferedImage(g.nx(), g.ny(), BufferedImage.TYPE_INT_ARGB);
    for (int row = 0; row < g.ny(); row++) {
      int iy = g.ny() - 1 - row;
      for (int ix = 0; ix < g.nx(); ix++) {
        double v = d.value(ix, iy);
        img.setRGB(ix, row, argb(v, max));
      }
    }
    return pngBytes(img);
  }

  /**
   * An image as PNG bytes, encoded in memory (so an I/O failure is a programming error). The
   * explicit memory-cached stream matters: {@code ImageIO.write(img, "png", OutputStream)} buffers
   * through a temporary file per call, which under a tile load costs a file create and delete per
   * tile and one file descriptor per tile in flight.
   */
  public static byte[] pngBytes(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
      if (!ImageIO.write(img, "png", png)) {
        throw new IllegalStateException("this JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The ramp's stops scaled to this map's maximum. */
  public static List<Stop> legend(DensityGrid d) {
    return legend(d.max());
  }

  /**
   * The ARGB colour of a value on a fixed scale: 0 (transparent) for values ≤ 0, else the ramp at
   * {@code min(1, value / max)}. Depends on nothing else, so a value has one colour at every zoom.
   */
  public static int argb(double valuePerKm2, double maxPerKm2) {
    return valuePerKm2 > 0 && maxPerKm2 > 0 ? argb(valuePerKm2 / maxPerKm2) : 0;
  }

  /** The ramp's stops on a fixed scale from 0 to {@code maxPerKm2}. */
  public static List<Stop> legend(double maxPerKm2) {
    List<Stop> stops = new ArrayList<>();
    for (int i = 0; i < STOPS.length; i++) {
      int[] c = STOPS[i];
      stops.add(
          new Stop(
              maxPerKm2 * i / (STOPS.length - 1),
              String.format("#%02x%02x%02x", c[0], c[1], c[2])));
    }
    return stops;
  }

  static int argb(double t) {
    double f = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
    int i = Math.min(STOPS.length - 2, (int) f);
    double u = f - i;
    int r = (int) Math.round(STOPS[i][0] + u * (STOPS[i + 1][0] - STOPS[i][0]));
    int gr = (int) Math.round(STOPS[i][1] + u * (STOPS[i + 1][1] - STOPS[i][1]));
    int b = (int) Math.round(STOPS[i][2] + u * (STOPS[i + 1][2] - STOPS[i][2]));
    int a = (int) Math.round(255 * (0.35 + 0.55 * t));
    return (a << 24) | (r << 16) | (gr << 8) | b;
  }
}
