package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.http.auth.OpenAccessPolicy;

/**
 * The real app, built by {@link Wiring} on a GeoPackage file in a temporary folder and started on a
 * free port, with a small HTTP client. One per test class or test.
 */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Wiring wiring;
  private final HttpApp app;
  private final HttpClient client = HttpClient.newHttpClient();
  private Optional<String> bearer = Optional.empty();

  private TestServer(Wiring wiring, HttpApp app) {
    this.wiring = wiring;
    this.app = app;
    app.javalin().start("127.0.0.1", 0);
  }

  /** The app with every route open (for features whose tests are not about access). */
  public static TestServer open(Path dataDir) {
    return start(dataDir, w -> w.http(new OpenAccessPolicy()));
  }

  public static TestServer start(Path dataDir, Function<Wiring, HttpApp> app) {
    return start(dataDir, 64L << 20, app);
  }

  /** The app with a given upload limit (bytes), for request-size tests. */
  public static TestServer start(Path dataDir, long maxUploadBytes, Function<Wiring, HttpApp> app) {
    Wiring wiring =
        Wiring.open(
            new AppConfig(
                dataDir, 0, Optional.empty(), Optional.empty(), List.of(), maxUploadBytes));
    return new TestServer(wiring, app.apply(wiring));
  }

  public Wiring wiring() {
    return wiring;
  }

  public HttpApp app() {
    return app;
  }

  /**
   * The app's registered routes. Fails the calling test when there are none, so that a test that
   * loops over the routes cannot pass by checking nothing.
   */
  public List<RouteSpec> routes() {
    List<RouteSpec> routes = app.routes();
    assertThat(routes).as("the app's registered routes").isNotEmpty();
    return routes;
  }

  /** Sends {@code Authorization: Bearer key} with every later request (empty: none). */
  public TestServer as(Optional<String> key) {
    this.bearer = key;
    return this;
  }

  public String base() {
    return "http://127.0.0.1:" + app.javalin().port();
  }

  public HttpResponse<String> get(String path) {
    return send(builder(path).GET());
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, String body, String contentType) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> post(String path, byte[] body, String contentType) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpResponse<String> put(String path, String body) {
    return send(
        builder(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> delete(String path) {
    return send(builder(path).DELETE());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    bearer.ifPresent(k -> b.header("Authorization", "Bearer " + k));
    return b;
  }

  public static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  @Override
  public void close() {
    app.javalin().stop();
    wiring.close();
  }
}
