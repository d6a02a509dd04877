package se.tryggkarta.http.auth;

import io.javalin.http.Context;

/**
 * Decides whether the caller of a matched route may proceed, given the route's {@link Access} rule
 * and the {@code {ws}} path parameter when there is one. Throws a DomainException with kind
 * UNAUTHENTICATED, FORBIDDEN or NOT_FOUND to refuse. Thread-safe.
 */
public interface AccessPolicy {
  /**
   * The request attribute under which a policy that has read the {@code {ws}} workspace leaves it,
   * so the handler need not read the store again in the same request.
   */
  String WORKSPACE_ATTRIBUTE = "tryggkarta.workspace";

  void authorize(Context ctx, Access access);

  /** Whether the caller may know that this workspace exists (it is listed for them). */
  boolean canSee(Context ctx, se.tryggkarta.workspace.Workspace workspace);

  /**
   * Whether the caller may read free text in this workspace (analysts only): unsafe-place comments,
   * activity notes, and every column a layer's schema does not define (an allowlist: such columns
   * may hold anything, so viewers and the public see only the schema's fields).
   */
  boolean canReadComments(Context ctx, String workspaceId);

  /**
   * Whether the caller sees this workspace as the public does (no key for it): then only suppressed
   * aggregates may be returned (k events per cell, a minimum cell size).
   */
  boolean isPublic(Context ctx, String workspaceId);
}
