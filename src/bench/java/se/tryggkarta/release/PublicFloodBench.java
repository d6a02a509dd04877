package se.tryggkarta.release;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.HttpApp;

/**
 * Can the public starve members? The demo on the embedded store; an analyst asks for a density
 * map with a new option set (a new bandwidth each time, so nothing is cached) over and over, first
 * alone, then while 16 anonymous clients flood every public route with every release, group, slice
 * and tiles at every zoom (most of them not yet computed). Prints the analyst's p50/p95/max in ms
 * both ways, and how the flood was answered (200, 204, 304, 503).
 *
 * <p>Run: {@code scripts/bench public-flood [--seconds S]} (default 30 s per phase).
 */
public final class PublicFloodBench {
  public static void main(String[] args) throws Exception {
    int seconds = args.length == 2 && args[0].equals("--seconds") ? Integer.parseInt(args[1]) : 30;
    Path dir = Files.createTempDirectory("public-flood");
    try (Wiring w =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1L << 30))) {
      w.installDemo();
      HttpApp app = w.http();
      app.javalin().start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.javalin().port() + "/api/workspaces/exempelby";
      String key = w.keys().create(Role.ANALYST, Set.of("exempelby"), "bench").token();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      // warm the JIT and the store with one member request
      send(client, base + "/hotspots/density?bandwidth=149&cell=25", key);
      List<Double> alone = analyst(client, base, key, seconds, 150);
      AtomicBoolean running = new AtomicBoolean(true);
      ConcurrentHashMap<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
      ExecutorService flood = Executors.newFixedThreadPool(16);
      List<String> paths = publicPaths(w);
      for (int c = 0; c < 16; c++) {
        int offset = c * 37;
        flood.submit(
            () -> {
              int i = offset;
              while (running.get()) {
                int status = send(client, base + paths.get(i++ % paths.size()), null);
                answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
              }
            });
      }
      List<Double> flooded = analyst(client, base, key, seconds, 1150);
      running.set(false);
      flood.shutdown();
      app.javalin().stop();
      System.out.println("| phase | analyst requests | p50 ms | p95 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      print("analyst alone", alone);
      print("analyst while 16 anonymous clients flood", flooded);
      System.out.println("public answers during the flood: " + answers);
    }
  }

  private static List<String> publicPaths(Wiring w) {
    var c = w.releases().catalog("exempelby");
    List<String> out = new ArrayList<>();
    for (ReleasePeriod p : c.periods()) {
      for (String layer : List.of("incidents", "unsafe-places")) {
        for (String slice : List.of("all", "night")) {
          String q = "?release=" + p.id() + "&layer=" + layer + "&slice=" + slice;
          out.add("/hotspots/density" + q);
          out.add("/hotspots/sites" + q);
          out.add("/hotspots/gistar" + q);
          out.add("/hotspots/density" + q + "&format=contours");
          for (int z = 12; z <= 17; z++) {
            int n = 1 << z;
            int x = (int) Math.floor((12.30 + 180) / 360 * n);
            double lat = Math.toRadians(58.0);
            int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
            out.add("/tiles/density/" + z + "/" + x + "/" + y + ".png" + q);
          }
        }
      }
      out.add("/lighting/priorities?release=" + p.id());
      out.add("/commitments/coverage?release=" + p.id());
    }
    Collections.shuffle(out, new java.util.Random(7));
    return out;
  }

  private static List<Double> analyst(
      HttpClient client, String base, String key, int seconds, int firstBandwidth) {
    List<Double> ms = new ArrayList<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int b = firstBandwidth;
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      int status = send(client, base + "/hotspots/density?cell=25&bandwidth=" + (b++), key);
      if (status != 200) {
        throw new IllegalStateException("the analyst's request answered " + status);
      }
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return ms;
  }

  private static int send(HttpClient client, String url, String key) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      r.header("Authorization", "Bearer " + key);
    }
    try {
      return client.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void print(String phase, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %.0f |%n",
        phase,
        s.size(),
        s.get(s.size() / 2),
        s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.95))),
        s.get(s.size() - 1));
  }
}
