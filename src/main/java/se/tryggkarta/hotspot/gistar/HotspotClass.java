package se.tryggkarta.hotspot.gistar;

/**
 * The Gi* class of a cell, as in ArcGIS's Hot Spot Analysis: the sign of z and the strictest of the
 * 99/95/90 % confidence levels at which its FDR-adjusted p-value (q) is significant.
 */
public enum HotspotClass {
  HOT_99("hot-99"),
  HOT_95("hot-95"),
  HOT_90("hot-90"),
  NOT_SIGNIFICANT("not-significant"),
  COLD_90("cold-90"),
  COLD_95("cold-95"),
  COLD_99("cold-99");

  private final String slug;

  HotspotClass(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  /** The class of a cell with this z-score and adjusted p-value q. */
  public static HotspotClass of(double z, double q) {
    boolean hot = z > 0;
    if (q <= 0.01) {
      return hot ? HOT_99 : COLD_99;
    }
    if (q <= 0.05) {
      return hot ? HOT_95 : COLD_95;
    }
    if (q <= 0.10) {
      return hot ? HOT_90 : COLD_90;
    }
    return NOT_SIGNIFICANT;
  }

  public boolean isHot() {
    return this == HOT_99 || this == HOT_95 || this == HOT_90;
  }

  public boolean isCold() {
    return this == COLD_99 || this == COLD_95 || this == COLD_90;
  }
}
