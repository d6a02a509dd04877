package se.tryggkarta.http;

import java.util.Optional;

/** One feature's routes. Implementations are built by {@code Wiring} with their services. */
public interface RouteGroup {
  /** Registers this feature's routes, each with its access rule. */
  void register(ApiRoutes routes);

  /**
   * The classpath resource holding this feature's OpenAPI paths (a JSON object with {@code paths}
   * and optionally {@code components}), merged into {@code /openapi.json}.
   */
  default Optional<String> openApiFragment() {
    return Optional.empty();
  }
}
