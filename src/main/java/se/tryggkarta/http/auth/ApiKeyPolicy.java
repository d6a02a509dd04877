package se.tryggkarta.http.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import se.tryggkarta.access.ApiKey;
import se.tryggkarta.access.ApiKeyService;
import se.tryggkarta.access.Role;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceRepository;

/**
 * The service's access policy: bearer API keys with roles per workspace, plus anonymous access to
 * aggregated results of public workspaces.
 *
 * <p>One answer policy that never reveals whether another partnership's workspace exists:
 *
 * <ul>
 *   <li>a malformed, unknown or revoked key: 401, whatever the route;
 *   <li>no key: 401, except aggregated routes of a public workspace (200) and open routes;
 *   <li>a valid key for a workspace it does not cover: 404, exactly as for a workspace that does
 *       not exist (a public workspace's aggregated routes excepted);
 *   <li>a valid key that covers the workspace but whose role is too weak: 403;
 *   <li>admin-only routes without an admin key: 403 (401 without a key).
 * </ul>
 *
 * Failed authentications (malformed tokens, unknown or revoked key ids, wrong secrets) count
 * against the client's address and against the key id they name; past 10 in a minute for either,
 * further failures answer 429 with Retry-After instead of 401. A valid key is checked first and
 * always accepted, so nobody else's failures can lock its holder out ({@link FailedLoginLimiter}).
 * The client's address is the TCP peer, or {@code X-Forwarded-For} behind a configured trusted
 * proxy ({@link TrustedProxies}). Thread-safe.
 */
public final class ApiKeyPolicy implements AccessPolicy {
  private final ApiKeyService keys;
  private final WorkspaceRepository workspaces;
  private final FailedLoginLimiter limiter;
  private final TrustedProxies proxies;

  /** Failures allowed per address or key id in one window before they answer 429. */
  static final int MAX_FAILURES = 10;

  static final long WINDOW_MILLIS = 60_000;

  public ApiKeyPolicy(ApiKeyService keys, WorkspaceRepository workspaces, Clock clock) {
    this(keys, workspaces, clock, TrustedProxies.NONE);
  }

  /**
   * @param proxies the reverse proxies whose X-Forwarded-For names the client
   */
  public ApiKeyPolicy(
      ApiKeyService keys, WorkspaceRepository workspaces, Clock clock, TrustedProxies proxies) {
    this.keys = keys;
    this.workspaces = workspaces;
    this.limiter = new FailedLoginLimiter(MAX_FAILURES, WINDOW_MILLIS, clock);
    this.proxies = proxies;
  }

  @Override
  public void authorize(Context ctx, Access access) {
    Caller caller = identify(ctx);
    ctx.attribute(Caller.ATTRIBUTE, caller);
    if (access == Access.OPEN) {
      return;
    }
    Optional<String> ws = Optional.ofNullable(ctx.pathParamMap().get("ws"));
    if (access == Access.ADMIN || ws.isEmpty()) {
      requireKey(caller);
      if (access == Access.ADMIN && !caller.isAdmin()) {
        throw new DomainException(ErrorKind.FORBIDDEN, "this needs an admin key");
      }
      return;
    }
    Optional<Workspace> workspace = workspaces.findWorkspace(ws.get());
    workspace.ifPresent(w -> ctx.attribute(WORKSPACE_ATTRIBUTE, w));
    boolean publicAggregate =
        access == Access.AGGREGATE && workspace.map(Workspace::publicAccess).orElse(false);
    if (publicAggregate) {
      return;
    }
    requireKey(caller);
    if (workspace.isEmpty() || !caller.key().get().covers(ws.get())) {
      throw DomainException.notFound("workspace", ws.get());
    }
    Role needed = access == Access.WRITE ? Role.ANALYST : Role.VIEWER;
    if (!caller.has(needed, ws.get())) {
      throw new DomainException(
          ErrorKind.FORBIDDEN, "a " + caller.key().get().role().slug() + " key may not do this");
    }
  }

  private Caller identify(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return Caller.ANONYMOUS;
    }
    boolean bearer = header.regionMatches(true, 0, "Bearer ", 0, 7);
    String token = bearer ? header.substring(7) : "";
    Optional<ApiKey> key = bearer ? keys.authenticate(token) : Optional.empty();
    if (key.isPresent()) {
      return new Caller(key);
    }
    Optional<String> named = keys.namedKeyId(token);
    if (limiter.failed(proxies.clientOf(ctx), named)) {
      throw new DomainException(
          ErrorKind.RATE_LIMITED,
          "too many failed authentications from this address or for this key; wait and retry");
    }
    throw new DomainException(
        ErrorKind.UNAUTHENTICATED, "the API key is not valid or has been revoked");
  }

  private static void requireKey(Caller caller) {
    if (caller.isAnonymous()) {
      throw new DomainException(
          ErrorKind.UNAUTHENTICATED, "an API key is required (Authorization: Bearer ...)");
    }
  }

  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(Caller.ATTRIBUTE);
    return c == null ? Caller.ANONYMOUS : c;
  }

  @Override
  public boolean canSee(Context ctx, Workspace workspace) {
    Caller c = caller(ctx);
    return workspace.publicAccess() || c.has(Role.VIEWER, workspace.id());
  }

  @Override
  public boolean canReadComments(Context ctx, String workspaceId) {
    return caller(ctx).has(Role.ANALYST, workspaceId);
  }

  @Override
  public boolean isPublic(Context ctx, String workspaceId) {
    return !caller(ctx).has(Role.VIEWER, workspaceId);
  }
}
