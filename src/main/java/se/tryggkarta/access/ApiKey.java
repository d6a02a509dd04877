package se.tryggkarta.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;

/**
 * A stored API key: everything but its secret, of which only a salted hash is kept.
 *
 * @param id the public part of the key, also its handle for listing and revoking
 * @param role what it may do
 * @param workspaces the workspaces it may act in (ignored for admins, who may act in all)
 * @param label a note on who holds it, for example "Polisen LPO Kungälv"
 * @param saltHex random salt for the hash
 * @param hashHex SHA-256 of salt and secret
 */
public record ApiKey(
    String id,
    Role role,
    Set<String> workspaces,
    String label,
    Instant createdAt,
    Optional<Instant> revokedAt,
    String saltHex,
    String hashHex) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    workspaces = Set.copyOf(workspaces);
    if (role != Role.ADMIN && workspaces.isEmpty()) {
      throw DomainException.invalid(
          "workspaces", "an " + role.slug() + " key needs at least one workspace");
    }
    label = label == null ? "" : label.strip();
    if (label.length() > 200) {
      throw DomainException.invalid("label", "label is longer than 200 characters");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  public boolean isRevoked() {
    return revokedAt.isPresent();
  }

  /** Whether this key may act in the workspace at all (any role). */
  public boolean covers(String workspaceId) {
    return role == Role.ADMIN || workspaces.contains(workspaceId);
  }

  public ApiKey revoked(Instant at) {
    return new ApiKey(id, role, workspaces, label, createdAt, Optional.of(at), saltHex, hashHex);
  }
}
