package se.tryggkarta.hotspot.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.util.List;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.kde.Kernel;

class GeoTiffTest {
  @Test
  void geotiff_round_trips_values_north_up_with_geotransform_and_epsg() throws Exception {
    // 3 × 2 grid, south-west corner (320000, 6418000), 10 m cells; values = flat index + 1.
    GridSpec g = new GridSpec(320_000, 6_418_000, 10, 3, 2);
    float[] v = {1, 2, 3, 4, 5, 6};
    byte[] tif = GeoTiff.encode(new DensityGrid(g, v, Kernel.QUARTIC, 100), Crs.sweref99tm());
    TIFFImage img = TiffReader.readTiff(new ByteArrayInputStream(tif));
    FileDirectory dir = img.getFileDirectory();
    assertThat(dir.getImageWidth().intValue()).isEqualTo(3);
    assertThat(dir.getImageHeight().intValue()).isEqualTo(2);
    Rasters r = dir.readRasters();
    // Row 0 of the image is the northern row (iy = 1): values 4, 5, 6.
    assertThat(r.getFirstPixelSample(0, 0).floatValue()).isEqualTo(4f);
    assertThat(r.getFirstPixelSample(2, 1).floatValue()).isEqualTo(3f);
    assertThat(dir.getModelPixelScale()).containsExactly(10.0, 10.0, 0.0);
    List<Double> tie = dir.getModelTiepoint();
    assertThat(tie.get(3)).isCloseTo(320_000, within(1e-9));
    assertThat(tie.get(4)).isCloseTo(6_418_020, within(1e-9));
    @SuppressWarnings("unchecked")
    List<Integer> keys = (List<Integer>) dir.get(FieldTagType.GeoKeyDirectory).getValues();
    assertThat(keys.subList(12, 16)).containsExactly(3072, 0, 1, 3006);
  }

  @Test
  void a_grid_of_many_strips_reads_back_cell_for_cell_with_nga_tiff() throws Exception {
    // 1 003 × 517 cells of 4 012 bytes a row: two rows a strip, 259 strips, the last one short
    GridSpec g = new GridSpec(100_000, 6_200_000, 25, 1_003, 517);
    float[] v = new float[g.cellCount()];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat() * 1000 - 5;
    }
    byte[] tif = GeoTiff.encode(g, v, Crs.sweref99tm());
    FileDirectory dir = TiffReader.readTiff(new ByteArrayInputStream(tif)).getFileDirectory();
    assertThat(dir.getStripOffsets()).hasSize(259);
    Rasters r = dir.readRasters();
    for (int row = 0; row < g.ny(); row++) {
      for (int ix = 0; ix < g.nx(); ix++) {
        float expected = v[(g.ny() - 1 - row) * g.nx() + ix];
        assertThat(r.getFirstPixelSample(ix, row).floatValue()).isEqualTo(expected);
      }
    }
    assertThat(tif).hasSize(8 + 2 + 14 * 12 + 4 + 2 * 259 * 4 + 9 * 8 + 16 * 2 + 4 * g.cellCount());
  }
}
