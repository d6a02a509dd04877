package se.tryggkarta.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.http.TestServer;

class FailedLoginLimitTest {
  @TempDir Path dir;

  @Test
  void repeated_bad_keys_from_one_client_are_refused_with_429_and_retry_after() {
    try (TestServer server = TestServer.start(dir, w -> w.http())) {
      var statuses = new java.util.ArrayList<Integer>();
      java.net.http.HttpResponse<String> last = null;
      for (int i = 0; i < 12; i++) {
        last = server.as(Optional.of("tk.bogus.bogus" + i)).get("/api/keys");
        statuses.add(last.statusCode());
      }
      assertThat(statuses.subList(0, 10)).containsOnly(401);
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
  }
}
