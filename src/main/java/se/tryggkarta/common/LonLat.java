package se.tryggkarta.common;

/**
 * A WGS84 position (EPSG:4326) in decimal degrees, longitude first as in GeoJSON (RFC 7946).
 *
 * @param lon longitude in degrees, −180..180
 * @param lat latitude in degrees, −90..90
 */
public record LonLat(double lon, double lat) {
  public LonLat {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw DomainException.invalid(
          "lon", "longitude must be a finite number in -180..180, was " + lon);
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw DomainException.invalid(
          "lat", "latitude must be a finite number in -90..90, was " + lat);
    }
  }

  /** Parses {@code "lon,lat"} as used in query parameters such as {@code from=11.98,57.87}. */
  public static LonLat parse(String field, String text) {
    String[] parts = text == null ? new String[0] : text.split(",");
    if (parts.length != 2) {
      throw DomainException.invalid(field, "expected 'lon,lat', was '" + text + "'");
    }
    try {
      return new LonLat(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "expected two numbers 'lon,lat', was '" + text + "'");
    } catch (DomainException e) {
      throw DomainException.invalid(field, e.getMessage());
    }
  }
}
