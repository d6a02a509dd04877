package se.tryggkarta.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import se.tryggkarta.AppConfig;

/** The options every command that opens the store shares (a picocli mixin). */
public final class StoreOptions {
  @Option(
      names = "--data",
      defaultValue = "${env:TRYGGKARTA_DATA:-data}",
      description =
          "Data directory for the embedded GeoPackage store (env TRYGGKARTA_DATA; default ./data).")
  Path dataDir;

  @Option(
      names = "--db",
      defaultValue = "${env:TRYGGKARTA_DB_URL}",
      description =
          "PostgreSQL/PostGIS JDBC URL; uses PostGIS instead of the file (env TRYGGKARTA_DB_URL).")
  String dbUrl;

  @Option(
      names = "--db-read",
      paramLabel = "URL",
      description =
          "JDBC URL of a hot standby of the --db database for heavy reads (repeatable; env"
              + " TRYGGKARTA_DB_READ_URLS, several separated by spaces).")
  List<String> dbReadUrls;

  /** A configuration with these store options and the given HTTP settings. */
  public AppConfig config(
      int port, Optional<String> adminKey, List<String> cors, long maxUploadBytes) {
    return new AppConfig(
        dataDir,
        port,
        Optional.ofNullable(dbUrl),
        adminKey,
        cors,
        maxUploadBytes,
        AppConfig.DEFAULT_MAX_INFLATED_BYTES,
        List.of(),
        readUrls(dbReadUrls, System.getenv("TRYGGKARTA_DB_READ_URLS")));
  }

  /** The --db-read flags, else the environment's space-separated list, else none. */
  static List<String> readUrls(List<String> flags, String environment) {
    if (flags != null && !flags.isEmpty()) {
      return List.copyOf(flags);
    }
    if (environment == null || environment.isBlank()) {
      return List.of();
    }
    return List.of(environment.strip().split("\\s+"));
  }

  /** A configuration with these store options, the HTTP settings and the input bounds. */
  public AppConfig config(
      int port,
      Optional<String> adminKey,
      List<String> cors,
      long maxUploadBytes,
      long maxInflatedBytes,
      List<String> trustedProxies) {
    return new AppConfig(
        dataDir,
        port,
        Optional.ofNullable(dbUrl),
        adminKey,
        cors,
        maxUploadBytes,
        maxInflatedBytes,
        trustedProxies,
        readUrls(dbReadUrls, System.getenv("TRYGGKARTA_DB_READ_URLS")));
  }

  public AppConfig config() {
    return config(0, Optional.empty(), List.of(), 1L << 30);
  }
}
