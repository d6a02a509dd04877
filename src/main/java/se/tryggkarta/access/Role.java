package se.tryggkarta.access;

import java.util.Locale;
import se.tryggkarta.common.DomainException;

/** What a key may do in its workspaces. */
public enum Role {
  /** Manage workspaces and keys; read and write everything everywhere. */
  ADMIN,
  /** Read and write everything in its workspaces, free-text comments included. */
  ANALYST,
  /** Read everything in its workspaces except free-text comments; write nothing. */
  VIEWER;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String field, String text) {
    for (Role r : values()) {
      if (r.slug().equals(text)) {
        return r;
      }
    }
    throw DomainException.invalid(
        field, "unknown role '" + text + "', expected admin, analyst or viewer");
  }
}
