package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.route.osm.PbfFiles;
import se.tryggkarta.store.geopackage.HostileGeoPackages;

/**
 * The service, started as it runs in production but in its own JVM with {@code -Xmx512m} (and
 * {@code -XX:+ExitOnOutOfMemoryError}, so that running out of heap would end it), takes every bomb
 * of issue 18: PBF blobs that declare or inflate past the format's cap or add up past the total, a
 * block of millions of one-byte nodes, GeoPackages that are endless views or generated columns, XML
 * that points at a local listener, 50 MB of garbage, a 30 MB JSON string. Each answers 4xx
 * problem+json within the client's 60 s, the stored data are byte-for-byte as before (export
 * digests), the service is healthy afterwards, and the listener was never contacted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileUploadsSmallHeapIT {
  static final String ADMIN_KEY = "tk-admin-for-the-heap-test-0123456789";
  static final String WS = "/api/workspaces/kungalv";
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

  @TempDir static Path dir;
  Process service;
  String base;
  ServerSocket listener;
  final AtomicInteger contacts = new AtomicInteger();
  Thread watcher;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  Map<String, String> digestsBefore;

  @BeforeAll
  void start() throws Exception {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(200);
    watcher =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  listener.accept().close();
                  contacts.incrementAndGet();
                } catch (SocketTimeoutException idle) {
                  // keep listening
                } catch (IOException closed) {
                  return;
                }
              }
            });
    watcher.start();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            "se.tryggkarta.Main",
            "serve",
            "--data",
            dir.resolve("data").toString(),
            "--port",
            String.valueOf(port),
            "--max-inflated-mb",
            "256");
    pb.environment().put("TRYGGKARTA_ADMIN_KEY", ADMIN_KEY);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("service.log").toFile());
    service = pb.start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      assertThat(service.isAlive()).as(log()).isTrue();
      try {
        if (get("/health").statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // still starting
      }
      assertThat(System.nanoTime()).as("started within 120 s: " + log()).isLessThan(deadline);
      Thread.sleep(250);
    }
    HttpResponse<String> created =
        send(
            json(
                "/api/workspaces",
                "{\"id\":\"kungalv\",\"name\":\"Kungälv\",\"boundary\":"
                    + "{\"type\":\"Polygon\",\"coordinates\":[[[11.9,57.8],[12.1,57.8],[12.1,57.95],"
                    + "[11.9,57.95],[11.9,57.8]]]}}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> imported =
        send(
            upload(
                WS + "/layers/incidents/import?format=csv",
                ("id,lon,lat,occurred_at,category,notes\n"
                        + "a,11.98,57.87,2024-05-01T22:00:00Z,theft,x\n"
                        + "b,11.99,57.88,2024-05-02T22:00:00Z,=cmd,y\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    digestsBefore = digests();
  }

  @AfterAll
  void stop() throws Exception {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(20, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
    listener.close();
    watcher.join();
  }

  private String log() {
    try {
      String text = Files.readString(dir.resolve("service.log"));
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(ANSWER_WITHIN)
        .header("Authorization", "Bearer " + ADMIN_KEY);
  }

  private HttpRequest.Builder json(String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder upload(String path, byte[] body) {
    return request(path)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * SHA-256 of each layer's full export (GeoJSON, with free text): the stored data, byte for byte.
   */
  private Map<String, String> digests() throws Exception {
    Map<String, String> out = new java.util.TreeMap<>();
    for (String layer : List.of("incidents", "unsafe-places", "lamps", "places", "streets")) {
      HttpResponse<InputStream> r =
          client.send(
              request(WS + "/layers/" + layer + "/export?format=geojson").GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      try (InputStream in = r.body()) {
        out.put(
            layer,
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
      }
    }
    return out;
  }

  private static String xmlPointingAt(String url, String template) {
    return "<?xml version=\"1.0\"?>\n" + template.replace("URL", url);
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> each_bomb_answers_4xx_problem_in_time_and_changes_nothing() {
    String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
    Map<String, Supplier<HttpRequest.Builder>> bombs = new java.util.LinkedHashMap<>();
    bombs.put(
        "PBF blob declaring 1 GiB",
        () ->
            upload(
                WS + "/network/import?format=pbf",
                PbfFiles.file(PbfFiles.header(), PbfFiles.zeros("OSMData", 1 << 20, 1 << 30))));
    bombs.put(
        "PBF blob inflating to 256 MiB while declaring 1 KiB",
        () ->
            upload(
                WS + "/network/import?format=pbf",
                PbfFiles.file(PbfFiles.header(), PbfFiles.zeros("OSMData", 256L << 20, 1024))));
    bombs.put(
        "PBF of ten 30 MiB blobs past the 256 MiB total",
        () -> {
          byte[] blob = PbfFiles.zeros("x-filler", 30L << 20, 30 << 20);
          byte[][] blobs = new byte[11][];
          blobs[0] = PbfFiles.header();
          for (int i = 1; i < blobs.length; i++) {
            blobs[i] = blob;
          }
          return upload(WS + "/network/import?format=pbf", PbfFiles.file(blobs));
        });
    bombs.put(
        "PBF block of 10 million one-byte nodes",
        () ->
            upload(
                WS + "/network/import?format=pbf",
                PbfFiles.file(PbfFiles.header(), PbfFiles.denseFlood(10_000_000))));
    for (HostileGeoPackages.Kind k :
        List.of(
            HostileGeoPackages.Kind.RECURSIVE_VIEW,
            HostileGeoPackages.Kind.CONTENTS_VIEW,
            HostileGeoPackages.Kind.GENERATED_COLUMN)) {
      bombs.put(
          "GeoPackage " + k.slug + " (layer import)",
          () -> upload(WS + "/layers/incidents/import?format=gpkg", geoPackage(k)));
      bombs.put(
          "GeoPackage " + k.slug + " (network import)",
          () -> upload(WS + "/network/import?format=gpkg", geoPackage(k)));
    }
    for (String t :
        List.of(
            "<!DOCTYPE osm [<!ENTITY x SYSTEM \"URL\">]><osm version=\"0.6\">&x;</osm>",
            "<!DOCTYPE osm [<!ENTITY % p SYSTEM \"URL\"> %p;]><osm version=\"0.6\"/>",
            "<!DOCTYPE osm SYSTEM \"URL\"><osm version=\"0.6\"/>",
            "<osm version=\"0.6\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include"
                + " href=\"URL\" parse=\"text\"/></osm>",
            "<osm version=\"0.6\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"URL\"/>")) {
      bombs.put(
          "OSM XML " + t.substring(0, 30),
          () ->
              upload(
                  WS + "/network/import?format=osm",
                  xmlPointingAt(url, t).getBytes(StandardCharsets.UTF_8)));
    }
    bombs.put(
        "50 MB of garbage",
        () -> {
          byte[] b = new byte[50 << 20];
          new java.util.Random(18).nextBytes(b);
          b[0] = 0;
          return upload(WS + "/layers/incidents/import", b);
        });
    bombs.put(
        "GeoJSON with a 30 MB string",
        () ->
            upload(
                WS + "/layers/incidents/import?format=geojson",
                ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\","
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[11.98,57.87]},"
                        + "\"properties\":{\"occurred_at\":\"2024-05-01T22:00:00Z\","
                        + "\"category\":\"theft\",\"notes\":\""
                        + "x".repeat(30 << 20)
                        + "\"}}]}")
                    .getBytes(StandardCharsets.UTF_8)));
    List<DynamicTest> tests = new ArrayList<>();
    bombs.forEach(
        (name, bomb) ->
            tests.add(
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      HttpResponse<String> r = send(bomb.get());
                      assertThat(r.statusCode()).as(r.body() + log()).isBetween(400, 499);
                      assertThat(r.headers().firstValue("Content-Type").orElse(""))
                          .startsWith(ProblemMapper.PROBLEM_JSON);
                      assertThat(service.isAlive()).as(log()).isTrue();
                    })));
    return tests.stream();
  }

  private byte[] geoPackage(HostileGeoPackages.Kind kind) {
    try {
      Path f = Files.createTempFile(dir, kind.slug, ".gpkg");
      return Files.readAllBytes(HostileGeoPackages.write(f, kind));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(2)
  void afterwards_the_service_is_healthy_the_data_unchanged_and_nobody_was_contacted()
      throws Exception {
    assertThat(service.isAlive()).as(log()).isTrue();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(digests()).isEqualTo(digestsBefore);
    Thread.sleep(500);
    assertThat(contacts.get()).as("connections to the listener").isZero();
    assertThat(log()).doesNotContain("OutOfMemoryError");
  }
}
