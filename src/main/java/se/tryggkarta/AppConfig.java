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
 * @param maxInflatedBytes the most a compressed upload (an OpenStreetMap PBF file) may decompress
 *     to, in total (1 GiB)
 * @param trustedProxies addresses (or CIDR blocks) of reverse proxies whose {@code X-Forwarded-For}
 *     names the client; empty means the header is ignored
 * @param dbReadUrls JDBC URLs of hot standbys of {@code dbUrl}'s database that heavy reads go to
 */
public record AppConfig(
    Path dataDir,
    int port,
    Optional<String> dbUrl,
    Optional<String> adminKey,
    List<String> corsOrigins,
    long maxUploadBytes,
    long maxInflatedBytes,
    List<String> trustedProxies,
    List<String> dbReadUrls) {
  public static final long DEFAULT_MAX_INFLATED_BYTES = 1L << 30;

  /** A configuration with the default input bounds, no trusted proxies and no read replicas. */
  public AppConfig(
      Path dataDir,
      int port,
      Optional<String> dbUrl,
      Optional<String> adminKey,
      List<String> corsOrigins,
      long maxUploadBytes) {
    this(
        dataDir,
        port,
        dbUrl,
        adminKey,
        corsOrigins,
        maxUploadBytes,
        DEFAULT_MAX_INFLATED_BYTES,
        List.of(),
        List.of());
  }

  /** A configuration with the default input bounds and read replicas. */
  public AppConfig(
      Path dataDir,
      int port,
      Optional<String> dbUrl,
      Optional<String> adminKey,
      List<String> corsOrigins,
      long maxUploadBytes,
      List<String> dbReadUrls) {
    this(
        dataDir,
        port,
        dbUrl,
        adminKey,
        corsOrigins,
        maxUploadBytes,
        DEFAULT_MAX_INFLATED_BYTES,
        List.of(),
        dbReadUrls);
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
    if (maxInflatedBytes < 1 << 20) {
      throw DomainException.invalid(
          "max-inflated-mb",
          "the decompression limit must be at least 1 MiB, was " + maxInflatedBytes);
    }
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The embedded store's file. */
  public Path geoPackageFile() {
    return dataDir.resolve("tryggkarta.gpkg");
  }
}
