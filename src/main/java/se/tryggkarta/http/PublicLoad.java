package se.tryggkarta.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;

/**
 * Bounds how many anonymous requests the service works on at once. Releases compute on their own
 * pool, but serving an answer (reading the cache, encoding JSON, cropping, sampling a tile) runs on
 * the web server's threads and cores like members' requests do: past this many anonymous requests
 * in progress, one more answers 503 with Retry-After at once, so a flood of anonymous clients holds
 * at most this many threads and the rest of the machine stays with members. Members' requests are
 * never counted. Thread-safe.
 */
final class PublicLoad {
  private static final String HELD = "tryggkarta.publicPermit";
  private final Semaphore permits;
  private final AccessPolicy policy;

  /**
   * @param maxConcurrent anonymous requests served at once (0 refuses every anonymous analysis)
   */
  PublicLoad(int maxConcurrent, AccessPolicy policy) {
    this.permits = new Semaphore(maxConcurrent);
    this.policy = policy;
  }

  /** Two per core: enough to keep cached public answers flowing, never the whole machine. */
  static int defaultLimit() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  /** After authorisation: takes a permit for an anonymous aggregate request, or refuses it. */
  void enter(Context ctx, Access access) {
    Optional<String> ws = Optional.ofNullable(ctx.pathParamMap().get("ws"));
    if (access != Access.AGGREGATE || ws.isEmpty() || !policy.isPublic(ctx, ws.get())) {
      return;
    }
    if (!permits.tryAcquire()) {
      throw new DomainException(
          ErrorKind.UNAVAILABLE, "load", "too many public requests at once; retry shortly");
    }
    ctx.attribute(HELD, Boolean.TRUE);
  }

  /** After the request, whatever its outcome: gives its permit back. */
  void leave(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(HELD))) {
      ctx.attribute(HELD, null);
      permits.release();
    }
  }
}
