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

  /** A configuration with these store options and the given HTTP settings. */
  public AppConfig config(
      int port, Optional<String> adminKey, List<String> cors, long maxUploadBytes) {
    return new AppConfig(dataDir, port, Optional.ofNullable(dbUrl), adminKey, cors, maxUploadBytes);
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
        trustedProxies);
  }

  public AppConfig config() {
    return config(0, Optional.empty(), List.of(), 1L << 30);
  }
}
