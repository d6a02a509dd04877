package se.tryggkarta.hotspot.evaluation;

/** The hotspot methods compared in a forecast evaluation. */
public enum Method {
  /** Square cells ranked by the training period's kernel density. */
  KDE("kde"),
  /** Hexagons classed hot by Gi* (FDR-adjusted at the chosen α), ranked by z. */
  GI_STAR("gistar"),
  /** Square cells ranked by the training period's event counts (the baseline). */
  NAIVE("naive");

  private final String slug;

  Method(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }
}
