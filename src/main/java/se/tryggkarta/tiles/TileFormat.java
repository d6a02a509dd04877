package se.tryggkarta.tiles;

import se.tryggkarta.common.DomainException;

/** A tile's encoding, named by the path's extension. */
public enum TileFormat {
  /** RGBA on the fixed colour ramp; 0 is transparent. */
  PNG("png", "image/png"),
  /** Single-band Float32 GeoTIFF in EPSG:3857, values in events per km². */
  TIFF("tif", "image/tiff; application=geotiff");

  private final String extension;
  private final String mediaType;

  TileFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format of an extension ({@code png}, {@code tif} or {@code tiff}); 400 otherwise. */
  public static TileFormat parse(String field, String ext) {
    return switch (ext) {
      case "png" -> PNG;
      case "tif", "tiff" -> TIFF;
      default ->
          throw DomainException.invalid(field, "tile format must be png or tif, was '" + ext + "'");
    };
  }
}
