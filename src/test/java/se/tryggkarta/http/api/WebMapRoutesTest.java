package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.http.TestServer;
import se.tryggkarta.workspace.Workspace;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapRoutesTest {
  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.start(dir, w -> w.http());
    server.wiring().store().createWorkspace(Workspace.of("alpha", "Alpha"));
    server.wiring().store().createWorkspace(Workspace.of("beta", "Beta"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void GET_session_without_a_key_answers_the_public_role() {
    HttpResponse<String> r = server.as(Optional.empty()).get("/api/session");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    assertThat(body.get("authenticated").asBoolean()).isFalse();
    assertThat(body.get("role").asText()).isEqualTo("public");
    assertThat(body.get("workspaces")).isEmpty();
  }

  @Test
  void GET_session_with_an_analyst_key_answers_its_role_and_workspaces_but_not_its_secret() {
    String token =
        server.wiring().keys().create(Role.ANALYST, Set.of("beta", "alpha"), "LPO").token();
    HttpResponse<String> r = server.as(Optional.of(token)).get("/api/session");
    JsonNode body = TestServer.json(r);
    assertThat(body.get("role").asText()).isEqualTo("analyst");
    assertThat(body.get("workspaces").toString()).isEqualTo("[\"alpha\",\"beta\"]");
    assertThat(r.body()).doesNotContain(token);
  }

  @Test
  void GET_session_with_an_admin_key_covers_every_workspace() {
    String token = server.wiring().keys().create(Role.ADMIN, Set.of(), "admin").token();
    JsonNode body = TestServer.json(server.as(Optional.of(token)).get("/api/session"));
    assertThat(body.get("workspaces").toString()).isEqualTo("[\"*\"]");
  }

  @Test
  void GET_session_with_an_unknown_key_answers_401_problem() {
    HttpResponse<String> r = server.as(Optional.of("tk.nope.nope")).get("/api/session");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void GET_map_config_has_no_basemap_by_default() {
    JsonNode body = TestServer.json(server.as(Optional.empty()).get("/api/map-config"));
    assertThat(body.get("basemapUrl").isNull()).isTrue();
  }

  @Test
  void the_web_map_is_served_at_the_root_with_its_modules_and_leaflet() {
    HttpResponse<String> page = server.as(Optional.empty()).get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/js/main.js").doesNotContain("<script>");
    assertThat(server.get("/js/main.js").headers().firstValue("Content-Type").orElse(""))
        .contains("javascript");
    assertThat(server.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
  }

  @Test
  void a_blank_basemap_url_means_none() {
    assertThat(new MapSettings(Optional.of("  "), null).basemapUrl()).isEmpty();
  }

  @ParameterizedTest(name = "rejects basemap URL {0}")
  @ValueSource(
      strings = {
        "http://tile.example.org/{z}/{x}/{y}.png",
        "https://tile.example.org/tiles.png",
        "//tile.example.org/{z}/{x}/{y}.png",
        "javascript:alert(1)//{z}{x}{y}"
      })
  void rejects_basemap_urls_the_page_could_not_or_should_not_load(String url) {
    assertThatThrownBy(() -> new MapSettings(Optional.of(url), ""))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT));
  }
}
