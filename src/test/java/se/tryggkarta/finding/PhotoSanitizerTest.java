package se.tryggkarta.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.workspace.Workspace;

/**
 * Photos lose their metadata on the way in. The oracle is the JPEG marker structure of the stored
 * bytes, read here byte by byte: no APP1 segment (where EXIF and its GPS tags live) survives, nor
 * any byte of the planted GPS text.
 */
class PhotoSanitizerTest {
  /** Text planted in the EXIF segment, as a GPS tag's value would sit there. */
  static final String PLANTED = "GPS 57.8712N 11.9843E SERIAL-0042";

  @TempDir Path dir;

  /** A camera-like JPEG: an image, then an APP1 "Exif" segment right after SOI. */
  static byte[] jpegWithExif(int width, int height) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    byte[] payload = ("Exif\0\0MM\0*\0\0\0\u0008" + PLANTED).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The marker codes of a JPEG's segments up to the start of scan. */
  static List<Integer> markers(byte[] jpeg) {
    java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      out.add(marker);
      if (marker == 0xDA) {
        break;
      }
      int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      i += 2 + len;
    }
    return out;
  }

  @Test
  void the_test_photo_really_carries_exif() throws IOException {
    byte[] camera = jpegWithExif(200, 100);
    assertThat(markers(camera)).contains(0xE1);
    assertThat(new String(camera, StandardCharsets.ISO_8859_1)).contains(PLANTED);
  }

  @Test
  void a_stored_photo_keeps_its_pixels_and_loses_its_exif_and_gps() throws IOException {
    try (Wiring wiring =
        Wiring.open(
            new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20))) {
      wiring.store().createWorkspace(Workspace.of("ws", "WS"));
      wiring
          .findings()
          .record(
              "ws",
              new Finding(
                  "f-1",
                  new LonLat(11.98, 57.87),
                  Optional.empty(),
                  OptionalInt.empty(),
                  ChecklistCategory.LIGHTING,
                  2,
                  Optional.empty(),
                  List.of(),
                  "",
                  Instant.parse("2025-10-02T17:00:00Z"),
                  1));
      assertThat(wiring.findings().addPhoto("ws", "f-1", "p-1", jpegWithExif(2400, 1200))).isTrue();
      assertThat(wiring.findings().addPhoto("ws", "f-1", "p-1", jpegWithExif(2400, 1200)))
          .isFalse();
      byte[] stored = wiring.store().findPhoto("ws", "p-1").orElseThrow().bytes();
      assertThat(markers(stored)).doesNotContain(0xE1).contains(0xDA);
      assertThat(new String(stored, StandardCharsets.ISO_8859_1))
          .doesNotContain("Exif")
          .doesNotContain("GPS");
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored));
      assertThat(back.getWidth()).isEqualTo(PhotoSanitizer.MAX_SIDE_PIXELS);
      assertThat(back.getHeight()).isEqualTo(PhotoSanitizer.MAX_SIDE_PIXELS / 2);
      Color centre = new Color(back.getRGB(back.getWidth() / 2, back.getHeight() / 2));
      assertThat(centre.getBlue()).isGreaterThan(200);
      assertThat(wiring.findings().getFinding("ws", "f-1").photoIds()).containsExactly("p-1");
    }
  }

  /**
   * A 200 × 100 photo, left half red and right half blue, whose EXIF says how the camera was held
   * (IFD0 with one entry, Orientation, in the given byte order).
   */
  static byte[] jpegWithOrientation(int orientation, boolean littleEndian) throws IOException {
    BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 100);
    g.setColor(Color.BLUE);
    g.fillRect(100, 0, 100, 100);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
    tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
    tiff.putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0).putInt(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + exif.length + tiff.capacity();
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.write(exif);
    out.write(tiff.array());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  @Test
  void a_photo_taken_upright_is_stored_upright_although_its_exif_is_gone() throws IOException {
    // Orientation 6: turn 90° clockwise, so the left (red) half ends up on top.
    BufferedImage six =
        ImageIO.read(
            new ByteArrayInputStream(PhotoSanitizer.sanitize(jpegWithOrientation(6, false))));
    assertThat(six.getWidth()).isEqualTo(100);
    assertThat(six.getHeight()).isEqualTo(200);
    assertThat(new Color(six.getRGB(50, 20)).getRed()).isGreaterThan(200);
    assertThat(new Color(six.getRGB(50, 180)).getBlue()).isGreaterThan(200);
    // Orientation 8 (little-endian EXIF): turn 90° counter-clockwise, red ends up at the bottom.
    BufferedImage eight =
        ImageIO.read(
            new ByteArrayInputStream(PhotoSanitizer.sanitize(jpegWithOrientation(8, true))));
    assertThat(eight.getHeight()).isEqualTo(200);
    assertThat(new Color(eight.getRGB(50, 180)).getRed()).isGreaterThan(200);
    assertThat(new Color(eight.getRGB(50, 20)).getBlue()).isGreaterThan(200);
    // Orientation 1, and EXIF without an Orientation tag, keep the pixels as they are.
    assertThat(
            ImageIO.read(
                    new ByteArrayInputStream(
                        PhotoSanitizer.sanitize(jpegWithOrientation(1, false))))
                .getWidth())
        .isEqualTo(200);
    assertThat(ExifOrientation.read(jpegWithExif(20, 10))).isEqualTo(1);
  }

  @Test
  void bytes_that_are_no_image_are_refused_as_an_unsupported_format() {
    byte[] text = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PhotoSanitizer.sanitize(text))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_FORMAT));
  }

  @Test
  void a_small_file_declaring_a_huge_image_is_refused_before_decoding() throws IOException {
    assertThatThrownBy(() -> PhotoSanitizer.sanitize(pngHeader(100_000, 100_000)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE));
  }

  /** A PNG signature and IHDR chunk (with its CRC) for an RGB image of the given size, no data. */
  static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    out.write(ByteBuffer.allocate(4).putInt(13).array());
    out.write(ihdr.array());
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    return out.toByteArray();
  }
}
