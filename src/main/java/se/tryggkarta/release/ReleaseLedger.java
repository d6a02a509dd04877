package se.tryggkarta.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.layer.Layer;

/**
 * The privacy budget's books: per workspace, layer and month, the versions of the month's protected
 * table that have been published (their digests and when each was first published). A month whose
 * records change is published again (a new version, spending ε once more for the records of the
 * changed cells); past the settings' {@code maxVersionsPerMonth} a new version is refused and the
 * month withheld. Kept in the document store's global scope, so that keeping the books does not
 * change the workspace's data version. Thread-safe within one process (the books of one workspace
 * and layer are updated under one lock; instances sharing a database may both add the same version,
 * which is recorded once).
 */
final class ReleaseLedger {
  static final String COLLECTION = "release-ledger";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DocumentStore documents;
  private final Clock clock;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  ReleaseLedger(DocumentStore documents, Clock clock) {
    this.documents = documents;
    this.clock = clock;
  }

  /** One month's entry after recording: its version number (1-based) or withheld, and when. */
  record MonthEntry(
      YearMonth month, int version, int versionsPublished, boolean withheld, Instant publishedAt) {}

  /**
   * Records that these months' tables, with these digests, are about to be published, and says for
   * each whether it may be (withheld when it would be a version past {@code maxVersions}).
   */
  List<MonthEntry> record(
      String workspaceId, Layer layer, Map<YearMonth, String> digests, int maxVersions) {
    String id = workspaceId + "/" + layer.slug();
    synchronized (locks.computeIfAbsent(id, k -> new Object())) {
      ObjectNode books = read(id);
      ObjectNode months = books.with("months");
      boolean changed = false;
      List<MonthEntry> out = new ArrayList<>();
      Instant now = clock.instant();
      for (var e : new TreeMap<>(digests).entrySet()) {
        String key = e.getKey().toString();
        ArrayNode versions = months.has(key) ? (ArrayNode) months.get(key) : months.putArray(key);
        int found = -1;
        for (int i = 0; i < versions.size(); i++) {
          if (versions.get(i).path("digest").asText().equals(e.getValue())) {
            found = i;
          }
        }
        if (found >= 0) {
          out.add(
              new MonthEntry(
                  e.getKey(),
                  found + 1,
                  versions.size(),
                  false,
                  Instant.parse(versions.get(found).path("publishedAt").asText())));
        } else if (versions.size() >= maxVersions) {
          out.add(new MonthEntry(e.getKey(), 0, versions.size(), true, now));
        } else {
          versions.addObject().put("digest", e.getValue()).put("publishedAt", now.toString());
          changed = true;
          out.add(new MonthEntry(e.getKey(), versions.size(), versions.size(), false, now));
        }
      }
      if (changed) {
        documents.putDocument(COLLECTION, DocumentStore.GLOBAL, id, books.toString());
      }
      return out;
    }
  }

  private ObjectNode read(String id) {
    return documents
        .findDocument(COLLECTION, DocumentStore.GLOBAL, id)
        .map(
            d -> {
              try {
                JsonNode n = MAPPER.readTree(d.json());
                return n instanceof ObjectNode o ? o : MAPPER.createObjectNode();
              } catch (JsonProcessingException e) {
                throw new IllegalStateException("the release ledger " + id + " is not JSON", e);
              }
            })
        .orElseGet(MAPPER::createObjectNode);
  }
}
