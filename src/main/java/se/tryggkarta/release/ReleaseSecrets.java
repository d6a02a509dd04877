package se.tryggkarta.release;

import java.security.SecureRandom;
import java.util.Base64;
import se.tryggkarta.document.DocumentStore;

/**
 * Each workspace's release secret: the 256-bit key the noise is derived from. Made on first use
 * from a strong random source, kept in the document store's global scope (so every instance sharing
 * the store draws the same noise), never sent to any client. Whoever holds it can remove the noise:
 * treat the store's backups accordingly (they hold the raw records anyway). Thread-safe.
 */
final class ReleaseSecrets {
  static final String COLLECTION = "release-secret";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DocumentStore documents;

  ReleaseSecrets(DocumentStore documents) {
    this.documents = documents;
  }

  /** The workspace's secret, made and stored when it has none. */
  synchronized byte[] secret(String workspaceId) {
    var stored = documents.findDocument(COLLECTION, DocumentStore.GLOBAL, workspaceId);
    if (stored.isPresent()) {
      return decode(stored.get().json());
    }
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    documents.putDocument(
        COLLECTION,
        DocumentStore.GLOBAL,
        workspaceId,
        "{\"key\":\"" + Base64.getEncoder().encodeToString(key) + "\"}");
    // read back: if another instance stored its secret at the same moment, both use the one kept
    return decode(
        documents.findDocument(COLLECTION, DocumentStore.GLOBAL, workspaceId).orElseThrow().json());
  }

  private static byte[] decode(String json) {
    int start = json.indexOf("\"key\":\"") + 7;
    return Base64.getDecoder().decode(json.substring(start, json.indexOf('"', start)));
  }
}
