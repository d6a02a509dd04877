package se.tryggkarta.finding.tip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.JsonFields;
import se.tryggkarta.finding.RecordIds;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Citizens' tips: submitted from the public map, moderated by analysts. A client may send at most
 * {@value #MAX_PER_CLIENT_PER_DAY} tips a day to a workspace, and a workspace takes at most {@value
 * #MAX_PER_WORKSPACE_PER_DAY} a day from everyone (RATE_LIMITED past either); the counts come from
 * the stored tips, so every service instance sharing the store keeps the same limits. Approving a
 * tip writes the unsafe place {@code tip-<id>} ({@code source=citizen}, without the text);
 * rejecting it removes that place. Thread-safe.
 */
public final class TipService {
  public static final String TIPS = "tips";
  public static final int MAX_PER_CLIENT_PER_DAY = 5;
  public static final int MAX_PER_WORKSPACE_PER_DAY = 200;
  public static final String PLACE_PREFIX = "tip-";
  public static final String SOURCE = "citizen";

  private static final Set<String> BODY_FIELDS = Set.of("location", "category", "text");
  private static final Set<String> DOC_FIELDS =
      Set.of(
          "id",
          "location",
          "category",
          "text",
          "submittedAt",
          "clientKey",
          "moderation",
          "moderatedBy");
  private static final GeometryFactory GF = new GeometryFactory();

  private final WorkspaceService workspaces;
  private final DocumentStore documents;
  private final LayerStore layers;
  private final Clock clock;

  public TipService(
      WorkspaceService workspaces, DocumentStore documents, LayerStore layers, Clock clock) {
    this.workspaces = workspaces;
    this.documents = documents;
    this.layers = layers;
    this.clock = clock;
  }

  /**
   * Takes a tip from the public form: {@code {"location": [lon, lat], "category": "lighting",
   * "text": "…"}}. The point must lie in the workspace's boundary when it has one. {@code
   * clientAddress} is the sender's network address; only its daily hash is kept.
   */
  public Tip submit(String workspaceId, JsonNode body, String clientAddress) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    JsonFields f = JsonFields.of(body, "", BODY_FIELDS);
    LonLat where =
        f.lonLat("location")
            .orElseThrow(
                () -> DomainException.invalid("location", "location [lon, lat] is required"));
    if (w.boundaryWgs84().isPresent()
        && !w.boundaryWgs84()
            .get()
            .covers(GF.createPoint(new Coordinate(where.lon(), where.lat())))) {
      throw DomainException.invalid("location", "the place lies outside " + w.name());
    }
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, w.timeZone());
    String key = clientKey(w.id(), day, clientAddress);
    List<Tip> today =
        listTips(w.id(), Optional.empty()).stream()
            .filter(t -> LocalDate.ofInstant(t.submittedAt(), w.timeZone()).equals(day))
            .toList();
    if (today.stream().filter(t -> t.clientKey().equals(key)).count() >= MAX_PER_CLIENT_PER_DAY) {
      throw new DomainException(
          ErrorKind.RATE_LIMITED,
          "You have sent "
              + MAX_PER_CLIENT_PER_DAY
              + " tips today; thank you, please come back tomorrow");
    }
    if (today.size() >= MAX_PER_WORKSPACE_PER_DAY) {
      throw new DomainException(
          ErrorKind.RATE_LIMITED, "The workspace takes no more tips today; please try tomorrow");
    }
    Tip tip =
        new Tip(
            RecordIds.fresh("t"),
            where,
            ChecklistCategory.parse("category", f.requiredText("category")),
            f.text("text"),
            now,
            key,
            Moderation.PENDING,
            Optional.empty());
    documents.putDocument(TIPS, w.id(), tip.id(), toNode(tip, true).toString());
    return tip;
  }

  /** A hash of the workspace, the day and the address: unlinkable across days and workspaces. */
  static String clientKey(String workspaceId, LocalDate day, String address) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h =
          sha.digest(
              ("tryggkarta-tip|" + workspaceId + "|" + day + "|" + address)
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Approves or rejects a tip (or puts it back to pending) and keeps its unsafe place in step. */
  public Tip moderate(String workspaceId, String tipId, Moderation m, String by) {
    Tip t = getTip(workspaceId, tipId).moderated(m, by == null || by.isBlank() ? "okänd" : by);
    documents.putDocument(TIPS, workspaceId, t.id(), toNode(t, true).toString());
    if (m == Moderation.APPROVED) {
      try (LayerWriter writer = layers.openWriter(workspaceId, Layer.UNSAFE_PLACES)) {
        writer.write(
            new UnsafePlace(
                PLACE_PREFIX + t.id(),
                t.location(),
                t.submittedAt(),
                t.category().slug(),
                SOURCE,
                Optional.empty(),
                Map.of("moderation", Moderation.APPROVED.slug())));
        writer.commit();
      }
    } else {
      layers.deleteRecord(workspaceId, Layer.UNSAFE_PLACES, PLACE_PREFIX + t.id());
    }
    return t;
  }

  /** The workspace's tips (in one moderation state, when given), newest first. */
  public List<Tip> listTips(String workspaceId, Optional<Moderation> state) {
    workspaces.getWorkspace(workspaceId);
    return documents.listDocuments(TIPS, workspaceId).stream()
        .map(d -> read(JsonFields.parse(d.json())))
        .filter(t -> state.isEmpty() || t.moderation() == state.get())
        .sorted(Comparator.comparing(Tip::submittedAt).reversed().thenComparing(Tip::id))
        .toList();
  }

  public Tip getTip(String workspaceId, String tipId) {
    workspaces.getWorkspace(workspaceId);
    return documents
        .findDocument(TIPS, workspaceId, tipId)
        .map(d -> read(JsonFields.parse(d.json())))
        .orElseThrow(() -> DomainException.notFound("tip", tipId));
  }

  /** Deletes a tip and its unsafe place. */
  public void delete(String workspaceId, String tipId) {
    getTip(workspaceId, tipId);
    layers.deleteRecord(workspaceId, Layer.UNSAFE_PLACES, PLACE_PREFIX + tipId);
    documents.deleteDocument(TIPS, workspaceId, tipId);
  }

  /** The tip as JSON; without its text and client key unless {@code full}. */
  public static ObjectNode toNode(Tip t, boolean full) {
    ObjectNode o = JsonFields.object();
    o.put("id", t.id());
    o.set("location", JsonFields.lonLat(t.location()));
    o.put("category", t.category().slug());
    if (full) {
      t.text().ifPresent(x -> o.put("text", x));
      o.put("clientKey", t.clientKey());
    }
    o.put("submittedAt", t.submittedAt().toString());
    o.put("moderation", t.moderation().slug());
    t.moderatedBy().ifPresent(b -> o.put("moderatedBy", b));
    return o;
  }

  static Tip read(JsonNode n) {
    JsonFields f = JsonFields.of(n, "", DOC_FIELDS);
    return new Tip(
        f.requiredText("id"),
        f.lonLat("location").orElseThrow(),
        ChecklistCategory.parse("category", f.requiredText("category")),
        f.text("text"),
        f.instant("submittedAt").orElseThrow(),
        f.text("clientKey").orElse(""),
        Moderation.parse("moderation", f.requiredText("moderation")),
        f.text("moderatedBy"));
  }
}
