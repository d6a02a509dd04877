package se.tryggkarta.http.auth;

import io.javalin.http.Context;
import se.tryggkarta.workspace.Workspace;

/**
 * Lets every caller do everything. Only for tests of features that are not about access; the
 * service itself always runs with {@link ApiKeyPolicy}.
 */
public final class OpenAccessPolicy implements AccessPolicy {
  @Override
  public void authorize(Context ctx, Access access) {}

  @Override
  public boolean canSee(Context ctx, Workspace workspace) {
    return true;
  }

  @Override
  public boolean canReadComments(Context ctx, String workspaceId) {
    return true;
  }

  @Override
  public boolean isPublic(Context ctx, String workspaceId) {
    return false;
  }
}
