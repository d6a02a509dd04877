package se.tryggkarta.finding;

import java.awt.image.BufferedImage;

/**
 * The one piece of a photo's EXIF worth keeping: how the camera was held. Phones store the sensor's
 * pixels as they came and say in the EXIF Orientation tag (0x0112, values 1–8 as in EXIF 2.32
 * §4.6.4 A) how to turn them; since {@link PhotoSanitizer} drops all EXIF, it applies the turn to
 * the pixels first, or portrait photos would be stored lying on their side. Reads the tag from IFD0
 * of the first APP1 "Exif" segment of a JPEG, in either byte order; anything it cannot read counts
 * as 1 (as stored). Stateless.
 */
final class ExifOrientation {
  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {}

  /** The Orientation value 1..8 of a JPEG, or 1 when it has none or it cannot be read. */
  static int read(byte[] jpeg) {
    if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
      return 1;
    }
    int i = 2;
    while (i + 4 <= jpeg.length && u8(jpeg, i) == 0xFF) {
      int marker = u8(jpeg, i + 1);
      int length = (u8(jpeg, i + 2) << 8) | u8(jpeg, i + 3);
      if (marker == 0xDA || length < 2) {
        return 1;
      }
      int payload = i + 4;
      if (marker == 0xE1 && isExif(jpeg, payload, length - 2)) {
        return orientation(jpeg, payload + 6, Math.min(jpeg.length, payload + length - 2));
      }
      i += 2 + length;
    }
    return 1;
  }

  private static boolean isExif(byte[] b, int at, int length) {
    return length >= 14
        && at + 6 <= b.length
        && b[at] == 'E'
        && b[at + 1] == 'x'
        && b[at + 2] == 'i'
        && b[at + 3] == 'f'
        && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  /**
   * Orientation from the TIFF structure that starts at {@code tiff} and ends before {@code end}.
   */
  private static int orientation(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 1;
    }
    boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
    boolean big = b[tiff] == 'M' && b[tiff + 1] == 'M';
    if (!little && !big) {
      return 1;
    }
    long ifd = u32(b, tiff + 4, little);
    int at = (int) Math.min(Integer.MAX_VALUE, tiff + ifd);
    if (ifd < 8 || at + 2 > end) {
      return 1;
    }
    int entries = u16(b, at, little);
    for (int k = 0; k < entries; k++) {
      int e = at + 2 + 12 * k;
      if (e + 12 > end) {
        return 1;
      }
      if (u16(b, e, little) == TAG_ORIENTATION) {
        int v = u16(b, e + 8, little);
        return v >= 1 && v <= 8 ? v : 1;
      }
    }
    return 1;
  }

  /** The image turned as the Orientation value says, upright. */
  static BufferedImage apply(BufferedImage src, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return src;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swap = orientation >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = src.getRGB(x, y);
        switch (orientation) {
          case 2 -> out.setRGB(w - 1 - x, y, rgb);
          case 3 -> out.setRGB(w - 1 - x, h - 1 - y, rgb);
          case 4 -> out.setRGB(x, h - 1 - y, rgb);
          case 5 -> out.setRGB(y, x, rgb);
          case 6 -> out.setRGB(h - 1 - y, x, rgb);
          case 7 -> out.setRGB(h - 1 - y, w - 1 - x, rgb);
          default -> out.setRGB(y, w - 1 - x, rgb);
        }
      }
    }
    return out;
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static int u16(byte[] b, int i, boolean little) {
    return little ? u8(b, i) | (u8(b, i + 1) << 8) : (u8(b, i) << 8) | u8(b, i + 1);
  }

  private static long u32(byte[] b, int i, boolean little) {
    long v = 0;
    for (int k = 0; k < 4; k++) {
      int shift = little ? 8 * k : 8 * (3 - k);
      v |= (long) u8(b, i + k) << shift;
    }
    return v;
  }
}
