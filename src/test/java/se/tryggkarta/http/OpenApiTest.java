package se.tryggkarta.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written API description must stay complete as routes are added. */
class OpenApiTest {
  @TempDir Path dir;

  @Test
  void openapi_json_is_valid_openapi_3_and_describes_every_registered_route() {
    try (TestServer server = TestServer.open(dir)) {
      var response = server.get("/openapi.json");
      assertThat(response.statusCode()).isEqualTo(200);
      SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
      assertThat(parsed.getMessages()).isEmpty();
      OpenAPI api = parsed.getOpenAPI();
      assertThat(api.getOpenapi()).startsWith("3.");
      for (RouteSpec route : server.routes()) {
        PathItem item = api.getPaths().get(route.path());
        assertThat(item).as("path %s is described", route.path()).isNotNull();
        assertThat(
                item.readOperationsMap().keySet().stream()
                    .map(m -> m.name().toUpperCase(Locale.ROOT)))
            .as("%s %s is described", route.method(), route.path())
            .contains(route.method());
      }
    }
  }

  @Test
  void swagger_ui_page_is_served_from_the_service_itself() {
    try (TestServer server = TestServer.open(dir)) {
      var page = server.get("/swagger/index.html");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("/webjars/swagger-ui/").doesNotContain("https://");
      assertThat(server.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode())
          .isEqualTo(200);
    }
  }
}
