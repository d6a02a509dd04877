package se.tryggkarta;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.common.DomainException;

/**
 * The service's configuration. Each value comes from a command-line flag, else from an environment
 * variable {@code TRYGGKARTA_*}, else from its default (see {@code --help} and the README).
 *
 * @param dataDir where the embedded store keeps its GeoPackage file ({@code ./data})
 * @param port the HTTP port (7070)
 * @param dbUrl a PostgreSQL JDBC URL; when present the PostGIS store is used instead of the file
 * @param adminKey the first admin API key, for automated deployments
 * @param corsOrigins browser origins allowed to call the API; empty turns CORS off
 * @param maxUploadBytes the largest import body
 * @param dbReadUrls JDBC URLs of hot standbys of {@code dbUrl}'s database that heavy reads go to
 */
public record AppConfig(
    Path dataDir,
    int port,
    Optional<String> dbUrl,
    Optional<String> adminKey,
    List<String> corsOrigins,
    long maxUploadBytes,
    List<String> dbReadUrls) {
  /** A configuration without read replicas. */
  public AppConfig(
      Path dataDir,
      int port,
      Optional<String> dbUrl,
      Optional<String> adminKey,
      List<String> corsOrigins,
      long maxUploadBytes) {
    this(dataDir, port, dbUrl, adminKey, corsOrigins, maxUploadBytes, List.of());
  }

  public AppConfig {
    if (port < 0 || port > 65535) {
      throw DomainException.invalid("port", "port must be 0..65535, was " + port);
    }
    dbUrl = dbUrl.filter(u -> !u.isBlank());
    dbUrl.ifPresent(
        u -> {
          if (!u.startsWith("jdbc:postgresql:")) {
            throw DomainException.invalid(
                "db", "expected a jdbc:postgresql:// URL, was '" + u + "'");
          }
        });
    dbReadUrls = dbReadUrls.stream().filter(u -> !u.isBlank()).toList();
    for (String u : dbReadUrls) {
      if (!u.startsWith("jdbc:postgresql:")) {
        throw DomainException.invalid(
            "db-read", "expected a jdbc:postgresql:// URL, was '" + u + "'");
      }
    }
    if (!dbReadUrls.isEmpty() && dbUrl.isEmpty()) {
      throw DomainException.invalid(
          "db-read", "read replicas need the primary database too (--db or TRYGGKARTA_DB_URL)");
    }
    adminKey = adminKey.filter(k -> !k.isBlank());
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** The embedded store's file. */
  public Path geoPackageFile() {
    return dataDir.resolve("tryggkarta.gpkg");
  }
}
