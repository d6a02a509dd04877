package se.tryggkarta.http;

import io.javalin.http.Context;

/**
 * Headers every answer carries: no MIME sniffing, no framing by other sites, no referrer leaks, and
 * a content security policy that allows scripts only from the service itself (no inline script), so
 * an injected comment can never run as code in the web map.
 */
final class SecurityHeaders {
  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
            + " data: blob: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self';"
            + " form-action 'self'");
  }
}
