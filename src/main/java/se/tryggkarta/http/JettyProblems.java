package se.tryggkarta.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches Javalin (a path that is not valid UTF-8
 * once decoded, an ambiguous path encoding, a malformed request line) as {@code
 * application/problem+json}, like every other error of the service, instead of Jetty's HTML page.
 * The detail is a fixed text per status: it neither echoes the request nor Jetty's message.
 */
final class JettyProblems extends ErrorHandler {
  /**
   * Every method gets the problem body: Jetty's default writes one only for GET, POST and HEAD, so
   * a PUT or DELETE with a badly encoded path got a bare 400.
   */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String slug =
        switch (code) {
          case 400 -> "invalid-input";
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 413, 414, 431 -> "too-large";
          default -> code >= 500 ? "internal" : "http-" + code;
        };
    String detail =
        code == 400
            ? "the request cannot be read: its path or headers are not validly encoded"
            : code >= 500 ? "an unexpected error occurred; see the server log" : "HTTP " + code;
    String body =
        "{\"type\":\"urn:tryggkarta:problem:"
            + slug
            + "\",\"title\":\""
            + (code == 400 ? "Invalid input" : "HTTP " + code)
            + "\",\"status\":"
            + code
            + ",\"detail\":\""
            + detail
            + "\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
