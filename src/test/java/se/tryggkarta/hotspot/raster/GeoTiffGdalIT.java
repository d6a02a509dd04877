package se.tryggkarta.hotspot.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.Crs;
import se.tryggkarta.hotspot.grid.GridSpec;

/**
 * The density GeoTIFF as GDAL reads it (Debian {@code gdal-bin}, installed by {@code
 * scripts/provision-gdal}): GDAL is what QGIS and most analysts' tools open it with, and an
 * implementation independent of both our writer and the NGA reader the unit test uses.
 */
class GeoTiffGdalIT {
  @TempDir Path dir;

  @Test
  void gdal_reads_size_crs_geotransform_type_and_every_sampled_cell() throws Exception {
    assertThat(Path.of("/usr/bin/gdalinfo"))
        .as("GDAL is missing: run scripts/provision-gdal (apt-get install gdal-bin)")
        .exists();
    GridSpec g = new GridSpec(319_975.0, 6_417_050.0, 25, 301, 157); // several strips
    float[] v = new float[g.cellCount()];
    Random random = new Random(11);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (random.nextGaussian() * 40 + 100);
    }
    Path tif = dir.resolve("density.tif");
    Files.write(tif, GeoTiff.encode(g, v, Crs.sweref99tm()));

    JsonNode info =
        new ObjectMapper().readTree(run("", "gdalinfo", "-json", "-stats", tif.toString()));
    assertThat(info.at("/size/0").asInt()).isEqualTo(301);
    assertThat(info.at("/size/1").asInt()).isEqualTo(157);
    assertThat(info.at("/bands/0/type").asText()).isEqualTo("Float32");
    assertThat(info.at("/coordinateSystem/wkt").asText()).contains("ID[\"EPSG\",3006]]");
    assertThat(info.at("/metadata/IMAGE_STRUCTURE/COMPRESSION").isMissingNode()).isTrue();
    JsonNode gt = info.get("geoTransform");
    assertThat(gt.get(0).asDouble()).isEqualTo(319_975.0);
    assertThat(gt.get(1).asDouble()).isEqualTo(25.0);
    assertThat(gt.get(3).asDouble()).isEqualTo(6_417_050.0 + 157 * 25);
    assertThat(gt.get(5).asDouble()).isEqualTo(-25.0);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (float f : v) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    // gdalinfo -json prints the statistics to three decimals
    assertThat(info.at("/bands/0/minimum").asDouble()).isCloseTo(min, within(5e-4));
    assertThat(info.at("/bands/0/maximum").asDouble()).isCloseTo(max, within(5e-4));

    // cells by their map coordinates: the south-west, the north-east and seeded others
    List<int[]> cells = new ArrayList<>();
    cells.add(new int[] {0, 0});
    cells.add(new int[] {300, 156});
    for (int k = 0; k < 40; k++) {
      cells.add(new int[] {random.nextInt(301), random.nextInt(157)});
    }
    // one gdallocationinfo for all of them: it reads "x y" lines from its standard input
    StringBuilder where = new StringBuilder();
    for (int[] c : cells) {
      where.append(g.minX() + (c[0] + 0.5) * 25).append(' ');
      where.append(g.minY() + (c[1] + 0.5) * 25).append('\n');
    }
    String[] values =
        run(where.toString(), "gdallocationinfo", "-valonly", "-geoloc", tif.toString())
            .trim()
            .split("\\s+");
    assertThat(values).hasSameSizeAs(cells);
    for (int k = 0; k < cells.size(); k++) {
      int ix = cells.get(k)[0];
      int iy = cells.get(k)[1];
      assertThat(Double.parseDouble(values[k]))
          .as("cell (%d, %d)", ix, iy)
          .isCloseTo(v[iy * g.nx() + ix], within(1e-4));
    }
  }

  private static String run(String input, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
    return text;
  }
}
