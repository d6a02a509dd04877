package se.tryggkarta;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real datasets copied into the repository for tests and benchmarks, under {@code
 * src/test/resources/fixtures/<dataset>/}, each folder with a {@code SOURCE.md} (origin, licence,
 * what was trimmed). Paths are relative to the project directory, where Maven runs the tests and
 * {@code scripts/bench} runs the benchmarks; nothing outside the repository is read.
 */
public final class Fixtures {
  /** The fixture folder, relative to the project directory. */
  public static final Path ROOT = Path.of("src/test/resources/fixtures");

  /** OSM extract of Helsinki centre (ODbL), ways cut at the bounding box. */
  public static final Path HELSINKI_PBF = path("osm-helsinki-centre/helsinki-centre.osm.pbf");

  /** The 586 street-lamp nodes of the Helsinki extract as GeoJSON (ODbL). */
  public static final Path HELSINKI_LAMPS =
      path("osm-helsinki-centre/helsinki-centre-street-lamps.geojson");

  /** OSM extract of Södermalm, Stockholm (ODbL), ways complete. */
  public static final Path SODERMALM_PBF =
      path("osm-stockholm-sodermalm/stockholm-sodermalm.osm.pbf");

  /** Cambridge MA's 6 117 city-owned street lights, gzip GeoJSON (PDDL). */
  public static final Path CAMBRIDGE_STREET_LIGHTS =
      path("streetlights-cambridge-ma/INFRA_StreetLights.geojson.gz");

  /** Cambridge MA's 2 643 street centrelines, gzip GeoJSON (PDDL). */
  public static final Path CAMBRIDGE_CENTRELINES =
      path("streetlights-cambridge-ma/TRANS_Centerlines.geojson.gz");

  /** Polisen's events in eight west-coast municipalities (Källa: Polismyndigheten). */
  public static final Path POLISEN_GOTEBORG_BOHUSLAN =
      path("polisen-events/polisen_events_goteborg_bohuslan_subset.csv");

  /** SCB's 290 municipality boundaries in WGS84 (CC0). */
  public static final Path SCB_KOMMUNER_WGS84 =
      path("sweden-kommuner/scb-swemapdata/kommuner_wgs84.geojson");

  private Fixtures() {}

  /**
   * A fixture file by its path below {@link #ROOT}.
   *
   * @throws IllegalStateException when the file is missing, naming where it was looked for (tests
   *     run from the project directory)
   */
  public static Path path(String relative) {
    Path p = ROOT.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "fixture " + p.toAbsolutePath() + " is missing; run tests from the project directory");
    }
    return p;
  }
}
