package se.tryggkarta.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.demo.ExempelbyGenerator;
import se.tryggkarta.http.HttpApp;

/** {@code tryggkarta serve}: runs the HTTP service until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP service.")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin StoreOptions store;

  @Option(
      names = "--port",
      defaultValue = "${env:TRYGGKARTA_PORT:-7070}",
      description = "HTTP port (env TRYGGKARTA_PORT; default 7070).")
  int port;

  @Option(
      names = "--demo",
      description =
          "Create the synthetic demo workspace 'exempelby' if absent, and make it public.")
  boolean demo;

  @Option(
      names = "--cors",
      defaultValue = "${env:TRYGGKARTA_CORS_ORIGINS}",
      split = ",",
      description =
          "Allowed browser origins (env TRYGGKARTA_CORS_ORIGINS); CORS is off by default.")
  List<String> corsOrigins;

  @Option(
      names = "--max-upload-mb",
      defaultValue = "${env:TRYGGKARTA_MAX_UPLOAD_MB:-1024}",
      description = "Largest import body in MiB (env TRYGGKARTA_MAX_UPLOAD_MB; default 1024).")
  long maxUploadMb;

  @Option(
      names = "--max-inflated-mb",
      defaultValue = "${env:TRYGGKARTA_MAX_INFLATED_MB:-1024}",
      description =
          "Most a compressed upload (an OSM PBF file) may decompress to, in MiB"
              + " (env TRYGGKARTA_MAX_INFLATED_MB; default 1024).")
  long maxInflatedMb;

  @Option(
      names = "--trusted-proxies",
      defaultValue = "${env:TRYGGKARTA_TRUSTED_PROXIES}",
      split = ",",
      description =
          "Reverse proxies (IP addresses or CIDR blocks) whose X-Forwarded-For names the client"
              + " (env TRYGGKARTA_TRUSTED_PROXIES); none by default, so the header is ignored.")
  List<String> trustedProxies;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config =
        store.config(
            port,
            Optional.ofNullable(System.getenv("TRYGGKARTA_ADMIN_KEY")),
            corsOrigins == null ? List.of() : corsOrigins,
            maxUploadMb << 20,
            maxInflatedMb << 20,
            trustedProxies == null ? List.of() : trustedProxies);
    Wiring wiring = Wiring.open(config);
    wiring
        .keys()
        .ensureAdmin(config.adminKey())
        .ifPresent(
            token ->
                System.out.println(
                    "First start: created an admin API key. It is shown only now; keep it safe:\n  "
                        + token));
    if (demo && wiring.installDemo()) {
      LOG.info("Created the synthetic demo workspace '{}'", ExempelbyGenerator.WORKSPACE_ID);
    }
    HttpApp app = wiring.http();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  wiring.close();
                  stopped.countDown();
                }));
    int boundPort = app.start(port);
    LOG.info(
        "Tryggkarta serving on http://localhost:{}/ with {}", boundPort, wiring.store().describe());
    stopped.await();
    return 0;
  }
}
