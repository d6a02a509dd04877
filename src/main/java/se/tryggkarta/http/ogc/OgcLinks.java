package se.tryggkarta.http.ogc;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute hrefs of the current request: its base URL, itself, and its next page. Stateless. */
final class OgcLinks {
  private OgcLinks() {}

  /** {@code scheme://host[:port]} as the client addressed the service. */
  static String base(Context ctx) {
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null ? "localhost" : host);
  }

  static String self(Context ctx, String base) {
    return base + ctx.path() + query(ctx, null, 0);
  }

  /** The current request with {@code offset} replaced. */
  static String withOffset(Context ctx, String base, long offset) {
    return base + ctx.path() + query(ctx, "offset", offset);
  }

  private static String query(Context ctx, String replaced, long value) {
    StringBuilder q = new StringBuilder();
    ctx.queryParamMap()
        .forEach(
            (k, vs) -> {
              if (!k.equals(replaced)) {
                vs.forEach(
                    v ->
                        q.append(q.length() == 0 ? "?" : "&")
                            .append(enc(k))
                            .append('=')
                            .append(enc(v)));
              }
            });
    if (replaced != null) {
      q.append(q.length() == 0 ? "?" : "&").append(replaced).append('=').append(value);
    }
    return q.toString();
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
