package se.tryggkarta.document;

import java.time.Instant;

/**
 * One stored JSON document.
 *
 * @param collection what kind of document, for example {@code commitments}
 * @param scope the workspace id it belongs to, or {@link DocumentStore#GLOBAL} for none
 * @param id its id, unique within collection and scope
 * @param json the document as JSON text
 * @param updatedAt when it was last written
 */
public record StoredDocument(
    String collection, String scope, String id, String json, Instant updatedAt) {}
