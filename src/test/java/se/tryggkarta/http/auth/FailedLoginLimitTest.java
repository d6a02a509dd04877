package se.tryggkarta.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tryggkarta.access.Role;
import se.tryggkarta.http.TestServer;

/**
 * The failed-login limiter slows guessing without ever refusing a valid key: failures count per
 * client address and per key id, revoked and unknown ids count, and X-Forwarded-For names the
 * client only behind a configured trusted proxy.
 */
class FailedLoginLimitTest {
  @TempDir Path dir;
  TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TestServer start(List<String> trustedProxies) {
    server =
        TestServer.start(
            dir,
            w ->
                w.http(
                    new ApiKeyPolicy(
                        w.keys(),
                        w.store(),
                        Clock.systemUTC(),
                        TrustedProxies.parse(trustedProxies))));
    return server;
  }

  private HttpResponse<String> get(String token, Optional<String> forwardedFor) {
    var b = server.as(Optional.of(token)).builder("/api/keys");
    forwardedFor.ifPresent(f -> b.header("X-Forwarded-For", f));
    return server.send(b.GET());
  }

  private List<Integer> fail(int times, String token, Optional<String> forwardedFor) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      statuses.add(get(token + i, forwardedFor).statusCode());
    }
    return statuses;
  }

  @Test
  void repeated_bad_keys_from_one_client_are_refused_with_429_and_retry_after() {
    start(List.of());

    List<Integer> statuses = fail(12, "tk.bogus.bogus", Optional.empty());

    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.subList(10, 12)).containsOnly(429);
    HttpResponse<String> last = get("tk.bogus.x", Optional.empty());
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void a_valid_key_from_a_locked_out_address_is_still_accepted() {
    start(List.of());
    String admin = server.wiring().keys().create(Role.ADMIN, Set.of(), "admin").token();
    fail(15, "tk.bogus.bogus", Optional.empty());

    assertThat(get(admin, Optional.empty()).statusCode()).isEqualTo(200);
  }

  @Test
  void a_valid_key_whose_id_is_under_attack_is_still_accepted() {
    start(List.of("127.0.0.1"));
    String admin = server.wiring().keys().create(Role.ADMIN, Set.of(), "admin").token();
    String id = admin.split("\\.")[1];
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // a distributed guess: every attempt from another address, all at the admin's key id
      statuses.add(get("tk." + id + ".guess" + i, Optional.of("203.0.113." + i)).statusCode());
    }

    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.subList(10, 12)).containsOnly(429);
    assertThat(get(admin, Optional.of("198.51.100.7")).statusCode()).isEqualTo(200);
  }

  @Test
  void tokens_of_a_revoked_key_count_as_failures() {
    start(List.of());
    var keys = server.wiring().keys();
    String revoked = keys.create(Role.ADMIN, Set.of(), "old").token();
    keys.revoke(revoked.split("\\.")[1]);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(get(revoked, Optional.empty()).statusCode());
    }

    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.get(10)).isEqualTo(429);
  }

  @Test
  void without_trusted_proxies_x_forwarded_for_is_ignored() {
    start(List.of());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(get("tk.bogus.b" + i, Optional.of("192.0.2." + i)).statusCode());
    }

    assertThat(statuses.get(10)).as("counted by the TCP peer, not the header").isEqualTo(429);
  }

  @Test
  void behind_a_trusted_proxy_one_client_locked_out_does_not_lock_out_another() {
    start(List.of("127.0.0.0/8"));
    fail(11, "tk.bogus.b", Optional.of("203.0.113.9"));

    assertThat(get("tk.bogus.z", Optional.of("203.0.113.9")).statusCode()).isEqualTo(429);
    assertThat(get("tk.bogus.z", Optional.of("198.51.100.1")).statusCode()).isEqualTo(401);
  }

  @Test
  void a_client_cannot_choose_its_address_by_writing_x_forwarded_for_itself() {
    start(List.of("127.0.0.1"));
    for (int i = 0; i < 11; i++) {
      // the client writes a new address each time; the proxy appends the one it saw
      get("tk.bogus.b" + i, Optional.of("192.0.2." + i + ", 203.0.113.9"));
    }

    assertThat(get("tk.bogus.z", Optional.of("192.0.2.200, 203.0.113.9")).statusCode())
        .isEqualTo(429);
  }

  @ParameterizedTest(name = "{0} from {1} via {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "none | 10.0.0.1 | 1.2.3.4 | 10.0.0.1",
        "10.0.0.0/8 | 10.0.0.1 | 1.2.3.4 | 1.2.3.4",
        "10.0.0.0/8 | 10.0.0.1 | 9.9.9.9, 1.2.3.4, 10.0.0.2 | 1.2.3.4",
        "10.0.0.0/8 | 192.168.1.1 | 1.2.3.4 | 192.168.1.1",
        "10.0.0.0/8 | 10.0.0.1 | not-an-address | 10.0.0.1",
        "10.0.0.0/8 | 10.0.0.1 | '[2001:db8::1]:443' | 2001:db8::1",
        "fd00::/8 | fd12::1 | 1.2.3.4:5678 | 1.2.3.4"
      })
  void the_client_is_the_right_most_untrusted_forwarded_address(
      String proxies, String peer, String forwarded, String client) {
    TrustedProxies p =
        proxies.equals("none") ? TrustedProxies.NONE : TrustedProxies.parse(List.of(proxies));

    assertThat(p.clientOf(peer, List.of(forwarded))).isEqualTo(client);
  }

  @Test
  void proxies_are_ip_literals_never_names() {
    assertThat(TrustedProxies.literal("localhost")).isEmpty();
    assertThat(TrustedProxies.literal("example.org")).isEmpty();
    assertThat(TrustedProxies.literal("256.1.1.1")).isEmpty();
    assertThat(TrustedProxies.literal("::1")).isPresent();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TrustedProxies.parse(List.of("proxy.example.org")))
        .hasMessageContaining("proxy.example.org");
  }
}
