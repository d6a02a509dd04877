package se.tryggkarta.common;

import java.util.Locale;

/**
 * An axis-aligned rectangle. The coordinate system is given by the name of the variable holding it
 * ({@code bboxWgs84} in degrees, {@code extentXY} in the workspace's metres).
 */
public record Bbox(double minX, double minY, double maxX, double maxY) {
  public Bbox {
    if (!Double.isFinite(minX)
        || !Double.isFinite(minY)
        || !Double.isFinite(maxX)
        || !Double.isFinite(maxY)) {
      throw DomainException.invalid("bbox", "bbox values must be finite");
    }
    if (minX > maxX || minY > maxY) {
      throw DomainException.invalid(
          "bbox",
          String.format(
              Locale.ROOT,
              "bbox must be minX,minY,maxX,maxY with min <= max, was %s,%s,%s,%s",
              minX,
              minY,
              maxX,
              maxY));
    }
  }

  /** Parses {@code "minX,minY,maxX,maxY"}, as in the {@code bbox} query parameter. */
  public static Bbox parse(String field, String text) {
    String[] parts = text == null ? new String[0] : text.split(",");
    if (parts.length != 4) {
      throw DomainException.invalid(field, "expected 'minX,minY,maxX,maxY', was '" + text + "'");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw DomainException.invalid(field, "not a number: '" + parts[i] + "'");
      }
    }
    try {
      return new Bbox(v[0], v[1], v[2], v[3]);
    } catch (DomainException e) {
      throw DomainException.invalid(field, e.getMessage());
    }
  }

  public double width() {
    return maxX - minX;
  }

  public double height() {
    return maxY - minY;
  }

  public boolean contains(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }

  public boolean intersects(Bbox o) {
    return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
  }

  /** This box grown by {@code margin} on every side. */
  public Bbox expandedBy(double margin) {
    return new Bbox(minX - margin, minY - margin, maxX + margin, maxY + margin);
  }
}
