package se.tryggkarta.lighting.coverage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * A maximal unlit stretch of one street segment with one cause.
 *
 * @param id stable id: a hash of the segment id and the stretch's start and end, rounded to the
 *     metre, so the same data gives the same id in every run
 * @param street the segment the stretch lies on
 * @param lineMeters the stretch itself, in the projected CRS
 * @param startMeters where it starts, measured along the segment from its first point
 * @param endMeters where it ends, measured the same way
 * @param brokenLampIds for {@link DarkCause#BROKEN}: the broken lamps that reach it; else empty
 */
public record DarkStretch(
    String id,
    StreetLine street,
    LineString lineMeters,
    double startMeters,
    double endMeters,
    DarkCause cause,
    List<String> brokenLampIds) {
  public DarkStretch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(lineMeters, "lineMeters");
    Objects.requireNonNull(cause, "cause");
    brokenLampIds = List.copyOf(brokenLampIds);
  }

  public double lengthMeters() {
    return endMeters - startMeters;
  }

  /** The stable id for a stretch of this segment between these positions (metres). */
  public static String idOf(String segmentId, double startMeters, double endMeters) {
    String key = segmentId + "|" + Math.round(startMeters) + "|" + Math.round(endMeters);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "dark-" + HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
