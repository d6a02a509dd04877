package se.tryggkarta.http.api;

import java.util.Optional;
import se.tryggkarta.common.DomainException;

/**
 * How the web map is set up.
 *
 * @param basemapUrl an XYZ tile URL template with {z}, {x} and {y}, https or on the service itself
 *     (the page's content security policy allows no other images; for example OpenStreetMap's
 *     {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}); empty means no basemap, and the map
 *     shows only the workspace's own vector context (boundary, streets, places)
 * @param basemapAttribution the attribution the tile provider requires, shown on the map
 */
public record MapSettings(Optional<String> basemapUrl, String basemapAttribution) {
  /** No basemap: the default, which works without internet access. */
  public static final MapSettings NONE = new MapSettings(Optional.empty(), "");

  public MapSettings {
    basemapUrl = basemapUrl.map(String::strip).filter(u -> !u.isEmpty());
    basemapUrl.ifPresent(
        u -> {
          boolean allowed = u.startsWith("https://") || (u.startsWith("/") && !u.startsWith("//"));
          if (!allowed || !u.contains("{z}") || !u.contains("{x}") || !u.contains("{y}")) {
            throw DomainException.invalid(
                "basemapUrl",
                "expected an https:// (or same-origin /...) tile URL with {z}, {x} and {y}, was '"
                    + u
                    + "'");
          }
        });
    basemapAttribution = basemapAttribution == null ? "" : basemapAttribution.strip();
  }

  /**
   * From {@code TRYGGKARTA_BASEMAP_URL} and {@code TRYGGKARTA_BASEMAP_ATTRIBUTION}; none when
   * unset.
   */
  public static MapSettings fromEnvironment() {
    return new MapSettings(
        Optional.ofNullable(System.getenv("TRYGGKARTA_BASEMAP_URL")),
        System.getenv("TRYGGKARTA_BASEMAP_ATTRIBUTION"));
  }
}
