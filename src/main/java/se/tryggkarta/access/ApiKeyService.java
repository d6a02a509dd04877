package se.tryggkarta.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.document.StoredDocument;
import se.tryggkarta.workspace.WorkspaceRepository;

/**
 * Creates, lists, revokes and checks API keys. Tokens look like {@code tk.<id>.<secret>}: the id
 * finds the stored key in one look-up, the 256-bit secret is compared by its salted SHA-256 hash in
 * constant time. A fast hash is enough here because the secret is random and long, not a password a
 * person chose. Thread-safe.
 */
public final class ApiKeyService {
  static final String COLLECTION = "api-keys";

  /** The id under which the key from {@code TRYGGKARTA_ADMIN_KEY} is kept. */
  static final String ENV_ADMIN_ID = "env-admin";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final DocumentStore documents;
  private final WorkspaceRepository workspaces;
  private final Clock clock;

  public ApiKeyService(DocumentStore documents, WorkspaceRepository workspaces, Clock clock) {
    this.documents = documents;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** Creates a key; the returned token is the only time its secret is available. */
  public IssuedKey create(Role role, Set<String> workspaceIds, String label) {
    Set<String> scope = role == Role.ADMIN ? Set.of() : new TreeSet<>(workspaceIds);
    for (String ws : scope) {
      if (workspaces.findWorkspace(ws).isEmpty()) {
        throw DomainException.invalid("workspaces", "workspace '" + ws + "' does not exist");
      }
    }
    String id = randomId();
    String secret = randomSecret();
    String salt = HEX.formatHex(bytes(16));
    ApiKey key =
        new ApiKey(
            id, role, scope, label, clock.instant(), Optional.empty(), salt, hash(salt, secret));
    documents.putDocument(COLLECTION, DocumentStore.GLOBAL, id, encode(key));
    return new IssuedKey(key, "tk." + id + "." + secret);
  }

  /** Every key, revoked ones included, ordered by id. */
  public List<ApiKey> listKeys() {
    return documents.listDocuments(COLLECTION, DocumentStore.GLOBAL).stream()
        .map(StoredDocument::json)
        .map(ApiKeyService::decode)
        .toList();
  }

  /** Revokes a key; throws NOT_FOUND for an unknown id. Revoking twice keeps the first time. */
  public ApiKey revoke(String id) {
    ApiKey key = findKey(id).orElseThrow(() -> DomainException.notFound("key", id));
    if (key.isRevoked()) {
      return key;
    }
    ApiKey revoked = key.revoked(clock.instant());
    documents.putDocument(COLLECTION, DocumentStore.GLOBAL, id, encode(revoked));
    return revoked;
  }

  public Optional<ApiKey> findKey(String id) {
    return documents.findDocument(COLLECTION, DocumentStore.GLOBAL, id).map(d -> decode(d.json()));
  }

  /**
   * The id of the stored key a token names ({@code tk.<id>.<secret>}), revoked or not, whatever its
   * secret; empty for a token of another shape or an id no key has. For counting failed logins per
   * key without letting made-up ids fill the count.
   */
  public Optional<String> namedKeyId(String token) {
    String[] parts = token == null ? new String[0] : token.strip().split("\\.");
    if (parts.length != 3 || !parts[0].equals("tk") || parts[1].length() > 40) {
      return Optional.empty();
    }
    return findKey(parts[1]).map(ApiKey::id);
  }

  private Optional<ApiKey> authenticateIssued(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.");
    if (parts.length != 3
        || !parts[0].equals("tk")
        || parts[1].isEmpty()
        || parts[1].length() > 40) {
      return Optional.empty();
    }
    return findKey(parts[1])
        .filter(k -> !k.isRevoked())
        .filter(
            k ->
                MessageDigest.isEqual(
                    HEX.parseHex(k.hashHex()), HEX.parseHex(hash(k.saltHex(), parts[2]))));
  }

  /**
   * Makes sure an admin can log in. With {@code envToken} (from {@code TRYGGKARTA_ADMIN_KEY}) that
   * token becomes the admin key. Without it, when no unrevoked admin key exists, one is generated
   * and its token returned so that the caller prints it once; otherwise empty.
   */
  public Optional<String> ensureAdmin(Optional<String> envToken) {
    if (envToken.isPresent()) {
      String token = envToken.get().strip();
      if (token.length() < 16) {
        throw DomainException.invalid(
            "TRYGGKARTA_ADMIN_KEY", "the admin key must be at least 16 characters");
      }
      String salt = HEX.formatHex(bytes(16));
      ApiKey key =
          new ApiKey(
              ENV_ADMIN_ID,
              Role.ADMIN,
              Set.of(),
              "from TRYGGKARTA_ADMIN_KEY",
              clock.instant(),
              Optional.empty(),
              salt,
              hash(salt, token));
      documents.putDocument(COLLECTION, DocumentStore.GLOBAL, ENV_ADMIN_ID, encode(key));
      return Optional.empty();
    }
    boolean hasAdmin = listKeys().stream().anyMatch(k -> k.role() == Role.ADMIN && !k.isRevoked());
    return hasAdmin
        ? Optional.empty()
        : Optional.of(create(Role.ADMIN, Set.of(), "first admin").token());
  }

  /**
   * The key a bearer token stands for, when it is known and not revoked: an issued {@code tk.}
   * token, or the admin token from {@code TRYGGKARTA_ADMIN_KEY}.
   */
  public Optional<ApiKey> authenticate(String token) {
    Optional<ApiKey> key = authenticateIssued(token);
    if (key.isPresent() || token == null) {
      return key;
    }
    return findKey(ENV_ADMIN_ID)
        .filter(k -> !k.isRevoked())
        .filter(
            k ->
                MessageDigest.isEqual(
                    HEX.parseHex(k.hashHex()), HEX.parseHex(hash(k.saltHex(), token.strip()))));
  }

  private static String hash(String saltHex, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(HEX.parseHex(saltHex));
      sha.update(secret.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static String randomId() {
    return HEX.formatHex(bytes(6));
  }

  private static String randomSecret() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
  }

  static String encode(ApiKey k) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", k.id());
    n.put("role", k.role().slug());
    ArrayNode ws = n.putArray("workspaces");
    k.workspaces().stream().sorted().forEach(ws::add);
    n.put("label", k.label());
    n.put("createdAt", k.createdAt().toString());
    k.revokedAt().ifPresent(r -> n.put("revokedAt", r.toString()));
    n.put("salt", k.saltHex());
    n.put("hash", k.hashHex());
    return n.toString();
  }

  static ApiKey decode(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      Set<String> ws = new TreeSet<>();
      n.get("workspaces").forEach(w -> ws.add(w.asText()));
      return new ApiKey(
          n.get("id").asText(),
          Role.parse("role", n.get("role").asText()),
          ws,
          n.get("label").asText(),
          Instant.parse(n.get("createdAt").asText()),
          n.hasNonNull("revokedAt")
              ? Optional.of(Instant.parse(n.get("revokedAt").asText()))
              : Optional.empty(),
          n.get("salt").asText(),
          n.get("hash").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt API key document", e);
    }
  }
}
