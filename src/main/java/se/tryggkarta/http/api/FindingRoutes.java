package se.tryggkarta.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.finding.Finding;
import se.tryggkarta.finding.FindingExport;
import se.tryggkarta.finding.FindingJson;
import se.tryggkarta.finding.FindingService;
import se.tryggkarta.finding.JsonFields;
import se.tryggkarta.finding.PhotoSanitizer;
import se.tryggkarta.finding.RecordIds;
import se.tryggkarta.finding.Recorded;
import se.tryggkarta.finding.StoredPhoto;
import se.tryggkarta.finding.Walk;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.UploadBody;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Stored safety walks and their findings under {@code /api/workspaces/{ws}}: {@code walks} (plan
 * and keep, read, mark held), {@code findings} (record idempotently by the phone's id, edit by
 * revision, delete, export as CSV or GeoPackage) and their photos. Walks and findings are raw data
 * for members (READ); notes and photos are personal data for analysts only: viewers get findings
 * without them, and photos are served to analysts only (WRITE).
 */
public final class FindingRoutes implements RouteGroup {
  static final String BASE = "/api/workspaces/{ws}";
  private static final Set<String> WALK_FIELDS = Set.of("name", "plannedFor", "plan");
  private static final Set<String> HELD_FIELDS = Set.of("heldOn");

  private final FindingService findings;
  private final FindingExport export;
  private final WorkspaceService workspaces;
  private final AccessPolicy policy;

  public FindingRoutes(
      FindingService findings,
      FindingExport export,
      WorkspaceService workspaces,
      AccessPolicy policy) {
    this.findings = findings;
    this.export = export;
    this.workspaces = workspaces;
    this.policy = policy;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/findings.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get(BASE + "/walks", Access.READ, this::listWalks);
    routes.post(BASE + "/walks", Access.WRITE, this::planWalk);
    routes.get(BASE + "/walks/{walk}", Access.READ, this::getWalk);
    routes.post(BASE + "/walks/{walk}/held", Access.WRITE, this::markHeld);
    routes.delete(BASE + "/walks/{walk}", Access.WRITE, this::deleteWalk);
    routes.get(BASE + "/findings", Access.READ, this::listFindings);
    routes.post(BASE + "/findings", Access.WRITE, this::record);
    routes.get(BASE + "/findings/export", Access.READ, this::exportFindings);
    routes.get(BASE + "/findings/{finding}", Access.READ, this::getFinding);
    routes.put(BASE + "/findings/{finding}", Access.WRITE, this::update);
    routes.delete(BASE + "/findings/{finding}", Access.WRITE, this::deleteFinding);
    routes.put(BASE + "/findings/{finding}/photos/{photo}", Access.WRITE, this::putPhoto);
    routes.get(BASE + "/findings/{finding}/photos/{photo}", Access.WRITE, this::getPhoto);
    routes.delete(BASE + "/findings/{finding}/photos/{photo}", Access.WRITE, this::deletePhoto);
  }

  private void listWalks(Context ctx) {
    ArrayNode out = JsonFields.mapper().createArrayNode();
    findings.listWalks(ctx.pathParam("ws")).forEach(w -> out.add(FindingJson.toNode(w)));
    ctx.json(Map.of("walks", out));
  }

  private void planWalk(Context ctx) {
    JsonFields body = JsonFields.of(JsonFields.parse(ctx.body()), "", WALK_FIELDS);
    JsonNode plan = body.node("plan");
    if (!plan.isObject()) {
      throw DomainException.invalid("plan", "plan (the walk planner's request) is required");
    }
    RouteRoutes.WalkPlanBody request =
        JsonFields.mapper().convertValue(plan, RouteRoutes.WalkPlanBody.class);
    Walk w =
        findings.planWalk(
            ctx.pathParam("ws"),
            body.requiredText("name"),
            body.date("plannedFor"),
            request.toRequest());
    ctx.status(201).header("Location", ctx.path() + "/" + w.id()).json(FindingJson.toNode(w));
  }

  private void getWalk(Context ctx) {
    ctx.json(FindingJson.toNode(findings.getWalk(ctx.pathParam("ws"), ctx.pathParam("walk"))));
  }

  private void markHeld(Context ctx) {
    JsonFields body = JsonFields.of(JsonFields.parse(ctx.body()), "", HELD_FIELDS);
    Walk w = findings.markHeld(ctx.pathParam("ws"), ctx.pathParam("walk"), body.date("heldOn"));
    ctx.json(FindingJson.toNode(w));
  }

  private void deleteWalk(Context ctx) {
    findings.deleteWalk(ctx.pathParam("ws"), ctx.pathParam("walk"));
    ctx.status(204);
  }

  private void listFindings(Context ctx) {
    String ws = ctx.pathParam("ws");
    boolean personal = policy.canReadComments(ctx, ws);
    ArrayNode out = JsonFields.mapper().createArrayNode();
    findings
        .listFindings(ws, Params.string(ctx, "walk"))
        .forEach(f -> out.add(FindingJson.toNode(f, personal)));
    ctx.json(Map.of("findings", out));
  }

  private void record(Context ctx) {
    Finding f =
        FindingJson.readFinding(JsonFields.parse(ctx.body()), RecordIds.fresh("f"), Instant.now());
    Recorded r = findings.record(ctx.pathParam("ws"), f);
    ObjectNode body = FindingJson.toNode(r.finding(), true);
    body.put("created", r.created());
    ctx.status(r.created() ? 201 : 200)
        .header("Location", ctx.path() + "/" + r.finding().id())
        .json(body);
  }

  private void getFinding(Context ctx) {
    String ws = ctx.pathParam("ws");
    Finding f = findings.getFinding(ws, ctx.pathParam("finding"));
    ctx.json(FindingJson.toNode(f, policy.canReadComments(ctx, ws)));
  }

  private void update(Context ctx) {
    JsonNode body = JsonFields.parse(ctx.body());
    String id = ctx.pathParam("finding");
    Finding f = FindingJson.readFinding(body, id, Instant.now());
    ctx.json(FindingJson.toNode(findings.update(ctx.pathParam("ws"), id, f), true));
  }

  private void deleteFinding(Context ctx) {
    findings.deleteFinding(ctx.pathParam("ws"), ctx.pathParam("finding"));
    ctx.status(204);
  }

  private void exportFindings(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    String format = Params.string(ctx, "format").orElse("csv");
    boolean notes = policy.canReadComments(ctx, w.id());
    List<Finding> all = findings.listFindings(w.id(), Params.string(ctx, "walk"));
    Map<String, String> names = new LinkedHashMap<>();
    findings.listWalks(w.id()).forEach(x -> names.put(x.id(), x.name()));
    String file = "fynd-" + w.id();
    switch (format) {
      case "csv" ->
          ctx.contentType("text/csv; charset=utf-8")
              .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
              .result(FindingExport.csv(all, names, notes));
      case "gpkg" -> {
        ctx.contentType("application/geopackage+sqlite3")
            .header("Content-Disposition", "attachment; filename=\"" + file + ".gpkg\"");
        export.geoPackage(all, names, notes, ctx.outputStream());
      }
      default ->
          throw DomainException.invalid("format", "format must be csv or gpkg, was " + format);
    }
  }

  private void putPhoto(Context ctx) throws IOException {
    byte[] upload;
    try (InputStream in = UploadBody.open(ctx, PhotoSanitizer.MAX_UPLOAD_BYTES)) {
      upload = in.readAllBytes();
    }
    boolean created =
        findings.addPhoto(
            ctx.pathParam("ws"), ctx.pathParam("finding"), ctx.pathParam("photo"), upload);
    ctx.status(created ? 201 : 200).json(Map.of("id", ctx.pathParam("photo"), "created", created));
  }

  private void getPhoto(Context ctx) {
    StoredPhoto p =
        findings.getPhoto(ctx.pathParam("ws"), ctx.pathParam("finding"), ctx.pathParam("photo"));
    ctx.contentType(p.contentType()).header("Cache-Control", "private, no-store").result(p.bytes());
  }

  private void deletePhoto(Context ctx) {
    findings.deletePhoto(ctx.pathParam("ws"), ctx.pathParam("finding"), ctx.pathParam("photo"));
    ctx.status(204);
  }
}
