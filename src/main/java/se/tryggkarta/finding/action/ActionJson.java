package se.tryggkarta.finding.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.finding.JsonFields;

/**
 * The JSON form of actions: documents and HTTP bodies. Thread-safe.
 *
 * <pre>
 * {"id": "a-1", "findingId": "f-1", "title": "Byt armatur", "owner": "Gatuenheten",
 *  "dueOn": "2025-12-01", "costEstimateSek": 12000, "link": {"kind": "lamp", "id": "L-17"},
 *  "commitmentId": "battre-belysning", "status": "decided",
 *  "history": [{"status": "proposed", "at": "…Z", "by": "Anna"}, …]}
 * </pre>
 */
public final class ActionJson {
  static final Set<String> FIELDS =
      Set.of(
          "id",
          "findingId",
          "title",
          "owner",
          "dueOn",
          "costEstimateSek",
          "link",
          "commitmentId",
          "status",
          "overdue",
          "by",
          "history");
  static final Set<String> LINK_FIELDS = Set.of("kind", "id");
  static final Set<String> CHANGE_FIELDS = Set.of("status", "at", "by", "reason");

  private ActionJson() {}

  /**
   * An action from a body or a document. A body without history starts as proposed at {@code now}
   * by its {@code by} field, else {@code by}; a body without id gets {@code fallbackId}.
   */
  public static Action read(JsonNode n, String fallbackId, Instant now, String by) {
    JsonFields f = JsonFields.of(n, "", FIELDS);
    Optional<ActionLink> link = Optional.empty();
    if (f.has("link")) {
      JsonFields l = JsonFields.of(f.node("link"), "link", LINK_FIELDS);
      link =
          Optional.of(
              new ActionLink(
                  ActionLink.Kind.parse("link/kind", l.requiredText("kind")),
                  l.requiredText("id")));
    }
    List<StatusChange> history = new ArrayList<>();
    JsonNode h = f.node("history");
    if (h.isArray()) {
      for (int i = 0; i < h.size(); i++) {
        JsonFields c = JsonFields.of(h.get(i), "history/" + i, CHANGE_FIELDS);
        history.add(
            new StatusChange(
                ActionStatus.parse(c.path("status"), c.requiredText("status")),
                c.instant("at").orElseThrow(),
                c.text("by").orElse(""),
                c.text("reason")));
      }
    }
    if (history.isEmpty()) {
      history.add(
          new StatusChange(ActionStatus.PROPOSED, now, f.text("by").orElse(by), Optional.empty()));
    }
    return new Action(
        f.text("id").orElse(fallbackId),
        f.text("findingId"),
        f.text("title").orElse(""),
        f.text("owner").orElse(""),
        f.date("dueOn"),
        f.integer("costEstimateSek", 0, 1_000_000_000_000L),
        link,
        f.text("commitmentId"),
        history);
  }

  /**
   * An action from a request body: a new one, or new fields for a stored one. Its history is the
   * service's to keep, so a body that sends one is refused; {@code status} and {@code overdue} are
   * output fields and ignored.
   */
  public static Action readBody(JsonNode n, String fallbackId, Instant now, String by) {
    if (n != null && n.has("history")) {
      throw DomainException.invalid(
          "history", "history is kept by the service; change the status with POST …/status");
    }
    return read(n, fallbackId, now, by);
  }

  /** The action as JSON; {@code overdue} as of {@code today}. */
  public static ObjectNode toNode(Action a, java.time.LocalDate today) {
    ObjectNode o = JsonFields.object();
    o.put("id", a.id());
    a.findingId().ifPresent(v -> o.put("findingId", v));
    o.put("title", a.title());
    o.put("owner", a.owner());
    a.dueOn().ifPresent(d -> o.put("dueOn", d.toString()));
    a.costEstimateSek().ifPresent(c -> o.put("costEstimateSek", c));
    a.link()
        .ifPresent(
            l -> {
              ObjectNode lo = o.putObject("link");
              lo.put("kind", l.kind().slug());
              lo.put("id", l.id());
            });
    a.commitmentId().ifPresent(c -> o.put("commitmentId", c));
    o.put("status", a.status().slug());
    o.put("overdue", a.overdueOn(today));
    ArrayNode history = o.putArray("history");
    for (StatusChange c : a.history()) {
      ObjectNode co = history.addObject();
      co.put("status", c.status().slug());
      co.put("at", c.at().toString());
      co.put("by", c.by());
      c.reason().ifPresent(r -> co.put("reason", r));
    }
    return o;
  }

  /** The body of a status change: {@code {"status": "done", "reason": "…", "at": "…Z"}}. */
  public static StatusChange readChange(JsonNode n, Instant now, String by) {
    JsonFields c = JsonFields.of(n, "", CHANGE_FIELDS);
    if (!c.has("status")) {
      throw DomainException.invalid("status", "status is required");
    }
    return new StatusChange(
        ActionStatus.parse("status", c.requiredText("status")),
        c.instant("at").orElse(now),
        c.text("by").orElse(by),
        c.text("reason"));
  }
}
