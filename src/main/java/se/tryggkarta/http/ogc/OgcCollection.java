package se.tryggkarta.http.ogc;

import java.util.Arrays;
import java.util.Optional;
import se.tryggkarta.layer.Layer;

/**
 * The collections a workspace's OGC API offers. Which of them a caller sees is decided by {@link
 * OgcCatalog}; how their features are made, by {@link OgcItems}.
 *
 * <ul>
 *   <li>the five layers (members only: viewers and analysts of the workspace);
 *   <li>analysis products: members run them as free analyses with the service's defaults, the
 *       public (and a member who passes {@code release}) read the public release;
 *   <li>{@code density}: no features, only map tiles (OGC API – Tiles).
 * </ul>
 */
public enum OgcCollection {
  INCIDENTS(
      "incidents",
      "Incidents",
      "Police events: a point, a time (occurred_at) and a category. Members only.",
      Kind.LAYER),
  UNSAFE_PLACES(
      "unsafe-places",
      "Unsafe places",
      "Places reported as unsafe in dialogues, surveys and safety walks (reported_at, category,"
          + " source; the free-text comment for analysts only). Members only.",
      Kind.LAYER),
  LAMPS("lamps", "Street lamps", "Street lamps with their status. Members only.", Kind.LAYER),
  PLACES("places", "Named places", "Named places (polygons or points). Members only.", Kind.LAYER),
  STREETS(
      "streets",
      "Streets",
      "Walkable street lines with their class, name and lighting tag. Members only.",
      Kind.LAYER),
  PATROL_SITES(
      "patrol-sites",
      "Patrol sites",
      "The top patrol sites, ranked by the events they cover. Members: 100 m circles of a free"
          + " analysis (datetime and category filter the events). The public: the release's"
          + " ranked cells, built from protected counts only.",
      Kind.ANALYSIS),
  GISTAR(
      "gistar",
      "Gi* hexagons",
      "Getis–Ord Gi* hot and cold spots on hexagons, with z, p and FDR q-values. Members: a free"
          + " analysis (event counts included); the public: the release's cells, no counts.",
      Kind.ANALYSIS),
  DARK_STRETCHES(
      "dark-stretches",
      "Dark stretches",
      "Street stretches without working light (missing or broken lamps), from the street network"
          + " and the lamp inventory; no personal data.",
      Kind.ANALYSIS),
  LIGHTING_PRIORITIES(
      "lighting-priorities",
      "Lighting priorities",
      "The ranked lighting work list. Members: from the raw night incidents and reports; the"
          + " public: from the release's protected counts, entries supported by fewer than k"
          + " events withheld.",
      Kind.ANALYSIS),
  COMMITMENT_PLACES(
      "commitment-places",
      "Commitment places",
      "The places citizen promises (medborgarlöften) are bound to, one feature per promise and"
          + " place.",
      Kind.ANALYSIS),
  DENSITY(
      "density",
      "Density surface (tiles)",
      "Kernel density of events in expected events per km², as Web Mercator map tiles (OGC API –"
          + " Tiles, WebMercatorQuad). The public sees the release's protected surface.",
      Kind.TILES);

  /** What a collection is made of. */
  public enum Kind {
    /** A stored layer's records. */
    LAYER,
    /** Features computed by an analysis (free for members, from a release for the public). */
    ANALYSIS,
    /** A surface offered as tiles only. */
    TILES
  }

  private final String id;
  private final String title;
  private final String description;
  private final Kind kind;

  OgcCollection(String id, String title, String description, Kind kind) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.kind = kind;
  }

  /** The collection id in URLs, for example {@code patrol-sites}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Kind kind() {
    return kind;
  }

  /** The layer behind a layer collection. */
  public Optional<Layer> layer() {
    if (kind != Kind.LAYER) {
      return Optional.empty();
    }
    return Optional.of(Layer.parse("collectionId", id));
  }

  /** Whether its features are read from a public release when the caller is the public. */
  public boolean fromRelease() {
    return this == PATROL_SITES || this == GISTAR || this == LIGHTING_PRIORITIES;
  }

  /** Whether {@code datetime} selects its features (by the time field, or the analysed events). */
  public boolean timed() {
    return this == INCIDENTS
        || this == UNSAFE_PLACES
        || this == PATROL_SITES
        || this == GISTAR
        || this == LIGHTING_PRIORITIES;
  }

  /** The name of the time property of a timed layer's features. */
  public Optional<String> timeProperty() {
    return switch (this) {
      case INCIDENTS -> Optional.of("occurred_at");
      case UNSAFE_PLACES -> Optional.of("reported_at");
      default -> Optional.empty();
    };
  }

  /** The property {@code category=} filters by: a category, a lamp's status, a street's class. */
  public Optional<String> categoryProperty() {
    return switch (this) {
      case INCIDENTS, UNSAFE_PLACES, PATROL_SITES, GISTAR -> Optional.of("category");
      case LAMPS -> Optional.of("status");
      case STREETS -> Optional.of("highway");
      default -> Optional.empty();
    };
  }

  public static Optional<OgcCollection> find(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
