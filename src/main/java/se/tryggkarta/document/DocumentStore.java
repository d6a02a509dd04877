package se.tryggkarta.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON documents keyed by (collection, scope, id). Writes to a workspace's scope change that
 * workspace's data version, so cached analyses see them. Implemented by both stores; thread-safe. A
 * workspace-scoped write to a workspace that does not exist throws NOT_FOUND; deleting a workspace
 * deletes its documents.
 */
public interface DocumentStore {
  /** The scope of documents that belong to no workspace (API keys). */
  String GLOBAL = "";

  /** Inserts or replaces one document. */
  void putDocument(String collection, String scope, String id, String json);

  /** Inserts or replaces several documents in one transaction: all are stored, or none. */
  void putDocuments(String collection, String scope, Map<String, String> jsonById);

  Optional<StoredDocument> findDocument(String collection, String scope, String id);

  /** All documents of a collection in a scope, ordered by id. */
  List<StoredDocument> listDocuments(String collection, String scope);

  /** False when there was no such document. */
  boolean deleteDocument(String collection, String scope, String id);
}
