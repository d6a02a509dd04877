package se.tryggkarta.hotspot.raster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;

/**
 * A density map as a single-band Float32 GeoTIFF (values in events per km², first row north): the
 * GeoKey directory names the projected CRS by EPSG code (GTModelType 1, GTRasterType 1 =
 * PixelIsArea, ProjectedCSTypeGeoKey), ModelPixelScale is (cell, cell, 0) and ModelTiepoint ties
 * pixel (0, 0) to the grid's north-west corner. Written with NGA's tiff library.
 */
public final class GeoTiff {
  private GeoTiff() {}

  public static byte[] encode(DensityGrid d, Crs crs) {
    return encode(d.grid(), d.values(), crs);
  }

  /**
   * Any grid of values (row-major from the south-west cell, as {@link GridSpec} numbers them) as a
   * Float32 GeoTIFF in {@code crs}.
   */
  public static byte[] encode(GridSpec g, float[] valuesSouthUp, Crs crs) {
    if (valuesSouthUp.length != g.cellCount()) {
      throw new IllegalArgumentException(
          valuesSouthUp.length + " values for a grid of " + g.cellCount() + " cells");
    }
    Rasters rasters = new Rasters(g.nx(), g.ny(), 1, FieldType.FLOAT);
    for (int row = 0; row < g.ny(); row++) {
      int iy = g.ny() - 1 - row;
      for (int ix = 0; ix < g.nx(); ix++) {
        rasters.setFirstPixelSample(ix, row, valuesSouthUp[iy * g.nx() + ix]);
      }
    }
    FileDirectory dir = new FileDirectory();
    dir.setImageWidth(g.nx());
    dir.setImageHeight(g.ny());
    dir.setBitsPerSample(32);
    dir.setCompression(TiffConstants.COMPRESSION_NO);
    dir.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
    dir.setSamplesPerPixel(1);
    dir.setRowsPerStrip(rasters.calculateRowsPerStrip(TiffConstants.PLANAR_CONFIGURATION_CHUNKY));
    dir.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
    dir.setSampleFormat(TiffConstants.SAMPLE_FORMAT_FLOAT);
    dir.setWriteRasters(rasters);
    dir.addEntry(
        new FileDirectoryEntry(
            FieldTagType.ModelPixelScale,
            FieldType.DOUBLE,
            3,
            List.of(g.cellSizeMeters(), g.cellSizeMeters(), 0.0)));
    dir.addEntry(
        new FileDirectoryEntry(
            FieldTagType.ModelTiepoint,
            FieldType.DOUBLE,
            6,
            List.of(0.0, 0.0, 0.0, g.minX(), g.maxY(), 0.0)));
    dir.addEntry(
        new FileDirectoryEntry(
            FieldTagType.GeoKeyDirectory,
            FieldType.SHORT,
            16,
            List.of(1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, crs.epsg())));
    try {
      return TiffWriter.writeTiffToBytes(new TIFFImage(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
