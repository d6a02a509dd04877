package se.tryggkarta.http.auth;

import java.util.Optional;
import se.tryggkarta.access.ApiKey;
import se.tryggkarta.access.Role;

/**
 * Who is calling: a valid key, or nobody (anonymous, the public). Put on the request by the access
 * policy so handlers can shape answers (public outputs are suppressed, comments are for analysts).
 */
public record Caller(Optional<ApiKey> key) {
  public static final Caller ANONYMOUS = new Caller(Optional.empty());
  static final String ATTRIBUTE = "tryggkarta.caller";

  public boolean isAnonymous() {
    return key.isEmpty();
  }

  public boolean has(Role role, String workspaceId) {
    return key.filter(k -> k.covers(workspaceId))
        .map(k -> rank(k.role()) >= rank(role))
        .orElse(false);
  }

  public boolean isAdmin() {
    return key.map(k -> k.role() == Role.ADMIN).orElse(false);
  }

  private static int rank(Role r) {
    return switch (r) {
      case VIEWER -> 1;
      case ANALYST -> 2;
      case ADMIN -> 3;
    };
  }
}
