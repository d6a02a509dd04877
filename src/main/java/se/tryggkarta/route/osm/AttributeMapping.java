package se.tryggkarta.route.osm;

import se.tryggkarta.common.DomainException;

/**
 * Which properties of a municipal line layer hold what a street needs.
 *
 * @param idProperty the feature's id (the GeoJSON {@code id} member is used when absent)
 * @param highwayProperty the street class; values are kept as they are
 * @param litProperty the lighting (yes/no/ja/nej/true/false/1/0; anything else is unknown)
 * @param nameProperty the street name
 * @param defaultHighway the class for features without one
 */
public record AttributeMapping(
    String idProperty,
    String highwayProperty,
    String litProperty,
    String nameProperty,
    String defaultHighway) {
  /** OSM-like property names: id, highway, lit, name; class "residential" when missing. */
  public static final AttributeMapping DEFAULT =
      new AttributeMapping("id", "highway", "lit", "name", "residential");

  public AttributeMapping {
    for (String[] f :
        new String[][] {
          {"idProperty", idProperty},
          {"highwayProperty", highwayProperty},
          {"litProperty", litProperty},
          {"nameProperty", nameProperty},
          {"defaultHighway", defaultHighway}
        }) {
      if (f[1] == null || f[1].isBlank()) {
        throw DomainException.invalid(f[0], f[0] + " must not be blank");
      }
    }
  }
}
