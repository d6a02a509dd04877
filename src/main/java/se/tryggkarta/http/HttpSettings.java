package se.tryggkarta.http;

import java.util.List;
import se.tryggkarta.common.DomainException;

/**
 * Limits and switches of the HTTP layer.
 *
 * @param maxJsonBodyBytes the largest JSON request body (workspaces, plans, commitments)
 * @param maxUploadBytes the largest uploaded file (imports stream, so this can be large)
 * @param corsOrigins origins allowed to call the API from a browser; empty means CORS is off
 */
public record HttpSettings(long maxJsonBodyBytes, long maxUploadBytes, List<String> corsOrigins) {
  public static final HttpSettings DEFAULT = new HttpSettings(2L << 20, 1L << 30, List.of());

  public HttpSettings {
    if (maxJsonBodyBytes < 1024) {
      throw DomainException.invalid(
          "maxJsonBodyBytes", "must be at least 1024, was " + maxJsonBodyBytes);
    }
    if (maxUploadBytes < 1024) {
      throw DomainException.invalid(
          "maxUploadBytes", "must be at least 1024, was " + maxUploadBytes);
    }
    corsOrigins = List.copyOf(corsOrigins);
  }
}
