package se.tryggkarta.release;

import java.util.Base64;
import se.tryggkarta.document.DocumentStore;

/**
 * Gives a workspace a known release secret before its first release, so that tests see the same
 * noise on every run (the service makes a random one on first use).
 */
public final class FixedSecret {
  private FixedSecret() {}

  /** Stores the secret derived from {@code seed} for the workspace. */
  public static void install(DocumentStore documents, String workspaceId, long seed) {
    byte[] key = new byte[32];
    new java.util.Random(seed).nextBytes(key);
    documents.putDocument(
        ReleaseSecrets.COLLECTION,
        DocumentStore.GLOBAL,
        workspaceId,
        "{\"key\":\"" + Base64.getEncoder().encodeToString(key) + "\"}");
  }
}
