package se.tryggkarta.finding;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/**
 * Makes an uploaded photo safe to keep: decodes it (JPEG or PNG), scales it down to at most {@value
 * #MAX_SIDE_PIXELS} pixels on its longer side, turns it upright as its EXIF orientation says
 * ({@link ExifOrientation}), and encodes the pixels afresh as a baseline JPEG (quality {@value
 * #JPEG_QUALITY}). Only pixels survive: EXIF (with its GPS position, camera serial number and
 * time), XMP, IPTC, comments and thumbnails are left behind, because the encoder writes no metadata
 * it was not given. Pixel counts are checked before decoding, so a small file claiming a huge image
 * (a decompression bomb) is refused without allocating it. Stateless and thread-safe.
 */
public final class PhotoSanitizer {
  /** The largest upload accepted, bytes. */
  public static final int MAX_UPLOAD_BYTES = 12 << 20;

  /** The longer side of a stored photo, pixels. */
  public static final int MAX_SIDE_PIXELS = 1600;

  /** The most pixels a photo may declare before it is decoded (a 50-megapixel camera). */
  static final long MAX_SOURCE_PIXELS = 50_000_000L;

  static final float JPEG_QUALITY = 0.85f;

  private PhotoSanitizer() {}

  /**
   * The photo re-encoded without metadata. Throws UNSUPPORTED_FORMAT when the bytes are not a JPEG
   * or PNG image, TOO_LARGE past {@link #MAX_UPLOAD_BYTES} or {@link #MAX_SOURCE_PIXELS}.
   */
  public static byte[] sanitize(byte[] upload) {
    if (upload.length > MAX_UPLOAD_BYTES) {
      throw new DomainException(
          ErrorKind.TOO_LARGE, "body", "a photo may be at most " + MAX_UPLOAD_BYTES + " bytes");
    }
    BufferedImage source = decode(upload);
    return encodeJpeg(ExifOrientation.apply(scaled(source), ExifOrientation.read(upload)));
  }

  private static BufferedImage decode(byte[] upload) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw unsupported();
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("jpeg") && !format.equals("png")) {
          throw unsupported();
        }
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_SOURCE_PIXELS) {
          throw new DomainException(
              ErrorKind.TOO_LARGE,
              "body",
              "the photo has "
                  + pixels
                  + " pixels; at most "
                  + MAX_SOURCE_PIXELS
                  + " are accepted");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException d) {
        throw d;
      }
      throw unsupported();
    }
  }

  private static BufferedImage scaled(BufferedImage source) {
    int w = source.getWidth();
    int h = source.getHeight();
    double k = Math.min(1.0, (double) MAX_SIDE_PIXELS / Math.max(w, h));
    int tw = Math.max(1, (int) Math.round(w * k));
    int th = Math.max(1, (int) Math.round(h * k));
    BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, tw, th);
      g.drawImage(source, 0, 0, tw, th, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] encodeJpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static DomainException unsupported() {
    return new DomainException(
        ErrorKind.UNSUPPORTED_FORMAT, "body", "a photo must be a JPEG or PNG image");
  }
}
