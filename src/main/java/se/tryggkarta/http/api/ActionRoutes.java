package se.tryggkarta.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.access.ApiKey;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.finding.JsonFields;
import se.tryggkarta.finding.RecordIds;
import se.tryggkarta.finding.action.Action;
import se.tryggkarta.finding.action.ActionCsv;
import se.tryggkarta.finding.action.ActionJson;
import se.tryggkarta.finding.action.ActionService;
import se.tryggkarta.finding.action.ActionStatus;
import se.tryggkarta.finding.action.StatusResult;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.ApiKeyPolicy;

/**
 * Actions (åtgärder) under {@code /api/workspaces/{ws}/actions}: list (JSON or CSV), create, read,
 * edit, move through their statuses with history, delete. Members read them (READ); analysts change
 * them (WRITE).
 */
public final class ActionRoutes implements RouteGroup {
  static final String BASE = "/api/workspaces/{ws}/actions";

  private final ActionService actions;

  public ActionRoutes(ActionService actions) {
    this.actions = actions;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/actions.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get(BASE, Access.READ, this::list);
    routes.post(BASE, Access.WRITE, this::create);
    routes.get(BASE + "/{action}", Access.READ, this::get);
    routes.put(BASE + "/{action}", Access.WRITE, this::update);
    routes.post(BASE + "/{action}/status", Access.WRITE, this::changeStatus);
    routes.delete(BASE + "/{action}", Access.WRITE, this::delete);
  }

  private void list(Context ctx) {
    String ws = ctx.pathParam("ws");
    Optional<ActionStatus> status =
        Params.string(ctx, "status").map(s -> ActionStatus.parse("status", s));
    List<Action> all =
        actions.listActions(ws, Params.string(ctx, "finding")).stream()
            .filter(a -> status.isEmpty() || a.status() == status.get())
            .toList();
    LocalDate today = actions.today(ws);
    String format = Params.string(ctx, "format").orElse("json");
    switch (format) {
      case "csv" ->
          ctx.contentType("text/csv; charset=utf-8")
              .header("Content-Disposition", "attachment; filename=\"atgarder-" + ws + ".csv\"")
              .result(ActionCsv.csv(all, today));
      case "json" -> {
        ArrayNode out = JsonFields.mapper().createArrayNode();
        all.forEach(a -> out.add(ActionJson.toNode(a, today)));
        ctx.json(Map.of("actions", out));
      }
      default ->
          throw DomainException.invalid("format", "format must be json or csv, was " + format);
    }
  }

  private void create(Context ctx) {
    String ws = ctx.pathParam("ws");
    Action a =
        ActionJson.readBody(
            JsonFields.parse(ctx.body()), RecordIds.fresh("a"), Instant.now(), by(ctx));
    Action stored = actions.create(ws, a);
    ctx.status(201)
        .header("Location", ctx.path() + "/" + stored.id())
        .json(ActionJson.toNode(stored, actions.today(ws)));
  }

  private void get(Context ctx) {
    String ws = ctx.pathParam("ws");
    ctx.json(ActionJson.toNode(actions.getAction(ws, ctx.pathParam("action")), actions.today(ws)));
  }

  private void update(Context ctx) {
    String ws = ctx.pathParam("ws");
    String id = ctx.pathParam("action");
    Action fields = ActionJson.readBody(JsonFields.parse(ctx.body()), id, Instant.now(), by(ctx));
    if (!fields.id().equals(id)) {
      throw DomainException.invalid("id", "the body's id differs from the path's");
    }
    ctx.json(ActionJson.toNode(actions.update(ws, id, fields), actions.today(ws)));
  }

  private void changeStatus(Context ctx) {
    String ws = ctx.pathParam("ws");
    StatusResult r =
        actions.changeStatus(
            ws,
            ctx.pathParam("action"),
            ActionJson.readChange(JsonFields.parse(ctx.body()), Instant.now(), by(ctx)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", ActionJson.toNode(r.action(), actions.today(ws)));
    body.put("warnings", r.warnings());
    ctx.json(body);
  }

  /** Who made a change when the body does not say ({@code by}): the caller's key label. */
  static String by(Context ctx) {
    return ApiKeyPolicy.caller(ctx)
        .key()
        .map(ApiKey::label)
        .filter(l -> !l.isBlank())
        .orElse("okänd");
  }

  private void delete(Context ctx) {
    actions.delete(ctx.pathParam("ws"), ctx.pathParam("action"));
    ctx.status(204);
  }
}
