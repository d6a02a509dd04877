package se.tryggkarta.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.commitment.Activity;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentJson;
import se.tryggkarta.commitment.CommitmentProgress;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.commitment.link.ChangeCounter;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.commitment.progress.Progress;
import se.tryggkarta.commitment.report.FollowUp;
import se.tryggkarta.commitment.report.FollowUpHtml;
import se.tryggkarta.commitment.report.FollowUpReport;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Commitments (medborgarlöften) under {@code /api/workspaces/{ws}/commitments}: CRUD and JSON
 * import/export, activities (JSON one by one, CSV patrol logs), progress, coverage of the hotspot
 * sites, change figures and the follow-up report. Commitments, progress and the analyses are
 * aggregates (public on public workspaces, with small counts withheld); activity logs are raw data
 * for members, and their notes are for analysts unless marked public.
 */
public final class CommitmentRoutes implements RouteGroup {
  static final String BASE = "/api/workspaces/{ws}/commitments";

  private final CommitmentService commitments;
  private final FollowUp followUp;
  private final WorkspaceService workspaces;
  private final AccessPolicy policy;

  public CommitmentRoutes(
      CommitmentService commitments,
      FollowUp followUp,
      WorkspaceService workspaces,
      AccessPolicy policy) {
    this.commitments = commitments;
    this.followUp = followUp;
    this.workspaces = workspaces;
    this.policy = policy;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get(BASE, Access.AGGREGATE, this::list);
    routes.post(BASE, Access.WRITE, this::create);
    routes.get(BASE + "/coverage", Access.AGGREGATE, this::coverage);
    routes.get(BASE + "/changes", Access.AGGREGATE, this::changes);
    routes.get(BASE + "/report", Access.AGGREGATE, this::report);
    routes.get(BASE + "/{id}", Access.AGGREGATE, this::get);
    routes.put(BASE + "/{id}", Access.WRITE, this::replace);
    routes.delete(BASE + "/{id}", Access.WRITE, this::delete);
    routes.get(BASE + "/{id}/progress", Access.AGGREGATE, this::progress);
    routes.get(BASE + "/{id}/activities", Access.READ, this::activities);
    routes.post(BASE + "/{id}/activities", Access.WRITE, this::logActivity);
    routes.delete(BASE + "/{id}/activities/{activityId}", Access.WRITE, this::deleteActivity);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/commitments.json");
  }

  private void list(Context ctx) {
    String ws = ctx.pathParam("ws");
    ctx.contentType("application/json")
        .result(CommitmentJson.writeAll(commitments.listCommitments(ws)));
  }

  private void create(Context ctx) {
    String ws = ctx.pathParam("ws");
    JsonNode body = CommitmentJson.parse(ctx.body());
    if (body.isObject() && body.has("commitments")) {
      List<Commitment> stored =
          commitments.importCommitments(ws, CommitmentJson.readCommitments(body));
      ctx.status(200).contentType("application/json").result(CommitmentJson.writeAll(stored));
      return;
    }
    Commitment c = commitments.create(ws, CommitmentJson.readCommitment(body));
    ctx.status(201)
        .header("Location", ctx.path() + "/" + c.id())
        .contentType("application/json")
        .result(CommitmentJson.write(c));
  }

  private void get(Context ctx) {
    Commitment c = commitments.getCommitment(ctx.pathParam("ws"), ctx.pathParam("id"));
    ctx.contentType("application/json").result(CommitmentJson.write(c));
  }

  private void replace(Context ctx) {
    JsonNode body = CommitmentJson.parse(ctx.body());
    if (body instanceof ObjectNode o && !o.has("id")) {
      o.put("id", ctx.pathParam("id"));
    }
    Commitment c =
        commitments.replace(
            ctx.pathParam("ws"), ctx.pathParam("id"), CommitmentJson.readCommitment(body));
    ctx.contentType("application/json").result(CommitmentJson.write(c));
  }

  private void delete(Context ctx) {
    commitments.delete(ctx.pathParam("ws"), ctx.pathParam("id"));
    ctx.status(204);
  }

  private void progress(Context ctx) {
    String ws = ctx.pathParam("ws");
    LocalDate asOf = date(ctx, "asOf").orElseGet(() -> commitments.today(ws));
    ctx.json(progressBody(commitments.progress(ws, ctx.pathParam("id"), asOf)));
  }

  private void activities(Context ctx) {
    String ws = ctx.pathParam("ws");
    boolean notes = policy.canReadComments(ctx, ws);
    List<Activity> list = commitments.listActivities(ws, ctx.pathParam("id"));
    List<JsonNode> items = new ArrayList<>();
    for (Activity a : list) {
      var node = CommitmentJson.toNode(a);
      if (!notes && !a.notePublic()) {
        node.remove("note");
      }
      items.add(node);
    }
    ctx.json(Map.of("activities", items));
  }

  private void logActivity(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    String id = ctx.pathParam("id");
    String type = Optional.ofNullable(ctx.contentType()).orElse("application/json");
    if (type.startsWith("text/csv")) {
      List<Activity> stored = commitments.importActivities(w.id(), id, ctx.body());
      ctx.status(201).json(Map.of("imported", stored.size()));
      return;
    }
    if (!type.startsWith("application/json")) {
      throw new DomainException(
          ErrorKind.UNSUPPORTED_FORMAT, "send application/json (one activity) or text/csv (a log)");
    }
    Activity a =
        CommitmentJson.readActivity(
            CommitmentJson.parse(ctx.body()), id, CommitmentService.newActivityId(), w.timeZone());
    Activity stored = commitments.logActivity(w.id(), id, a);
    ctx.status(201).json(CommitmentJson.toNode(stored));
  }

  private void deleteActivity(Context ctx) {
    commitments.deleteActivity(
        ctx.pathParam("ws"), ctx.pathParam("id"), ctx.pathParam("activityId"));
    ctx.status(204);
  }

  private void coverage(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    int n = Params.integer(ctx, "n", 10, 1, 100);
    if (AnalysisRequests.readsRelease(policy, ctx, w)) {
      AnalysisRequests.onlyReleaseParameters(ctx, "n");
      ctx.json(
          coverageBody(commitments.publishedCoverage(w.id(), Params.string(ctx, "release"), n)));
      return;
    }
    TimeRange period = Params.timeRange(ctx, w.timeZone());
    ctx.json(coverageBody(commitments.coverage(w.id(), period, n)));
  }

  private void changes(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    List<PlaceChange> list;
    if (policy.isPublic(ctx, w.id())) {
      AnalysisRequests.onlyReleaseParameters(ctx);
      list = commitments.publishedChanges(w.id());
    } else {
      LocalDate asOf = date(ctx, "asOf").orElseGet(() -> commitments.today(w.id()));
      double ring = Params.decimal(ctx, "ringMeters").orElse(ChangeCounter.DEFAULT_RING_METERS);
      list = commitments.changes(w.id(), asOf, ring);
    }
    ctx.json(
        Map.of(
            "changes",
            list.stream().map(CommitmentRoutes::changeBody).toList(),
            "caveat",
            PlaceChange.CAVEAT_SV));
  }

  private void report(Context ctx) {
    String ws = ctx.pathParam("ws");
    String format = Params.string(ctx, "format").orElse("html");
    if (!format.equals("html") && !format.equals("json")) {
      throw DomainException.invalid("format", "format must be html or json, was '" + format + "'");
    }
    boolean isPublic = policy.isPublic(ctx, ws);
    if (isPublic) {
      AnalysisRequests.onlyReleaseParameters(ctx, "format");
    }
    FollowUpReport r =
        isPublic
            ? followUp.build(
                ws, Optional.empty(), Optional.empty(), true, Params.string(ctx, "release"))
            : followUp.build(ws, date(ctx, "from"), date(ctx, "to"), false);
    if (format.equals("html")) {
      ctx.html(FollowUpHtml.render(r));
    } else {
      ctx.json(reportBody(r));
    }
  }

  private static Optional<LocalDate> date(Context ctx, String name) {
    return Params.string(ctx, name)
        .map(
            v -> {
              try {
                return LocalDate.parse(v);
              } catch (DateTimeParseException e) {
                throw DomainException.invalid(
                    name, name + " must be a date YYYY-MM-DD, was '" + v + "'");
              }
            });
  }

  static Map<String, Object> progressBody(CommitmentProgress p) {
    Map<String, Object> m = progressFields(p.total());
    m.put("commitmentId", p.commitmentId());
    m.put("outsidePlaces", p.outsidePlaces());
    List<Map<String, Object>> places = new ArrayList<>();
    for (CommitmentProgress.PlaceProgress pp : p.perPlace()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("name", pp.name());
      pm.putAll(progressFields(pp.progress()));
      places.add(pm);
    }
    m.put("perPlace", places);
    return m;
  }

  private static Map<String, Object> progressFields(Progress p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", p.asOf().toString());
    m.put("done", p.done());
    m.put("target", p.target().isPresent() ? p.target().getAsLong() : null);
    m.put("expectedByNow", p.target().isPresent() ? p.expectedByNow() : null);
    m.put("projectedAtEnd", p.projectedAtEnd().orElse(null));
    m.put("neededPerWeek", p.neededPerWeek().orElse(null));
    m.put("elapsedDays", p.elapsedDays());
    m.put("totalDays", p.totalDays());
    m.put("status", p.status().slug());
    return m;
  }

  static Map<String, Object> coverageBody(Coverage c) {
    List<Map<String, Object>> sites = new ArrayList<>();
    for (Coverage.SiteCoverage s : c.sites()) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("rank", s.site().rank());
      props.put("eventCount", s.site().eventCount());
      props.put("covered", s.covered());
      props.put(
          "coveredBy",
          s.coveredBy().stream()
              .map(r -> Map.of("commitmentId", r.commitmentId(), "place", r.placeName()))
              .toList());
      sites.add(FeatureJson.feature(Optional.of(s.site().id()), s.site().areaWgs84(), props));
    }
    List<Map<String, Object>> places = new ArrayList<>();
    for (Coverage.PlaceDrift d : c.places()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("commitmentId", d.commitmentId());
      m.put("place", d.placeName());
      m.put("stillHotspot", d.stillHotspot());
      m.put("siteIds", d.siteIds());
      places.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sites", FeatureJson.featureCollection(sites));
    body.put("uncovered", c.uncovered().stream().map(s -> s.id()).toList());
    body.put("places", places);
    return body;
  }

  static Map<String, Object> changeBody(PlaceChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commitmentId", c.commitmentId());
    m.put("place", c.placeName());
    m.put("beforeFrom", c.beforeFrom().toString());
    m.put("duringFrom", c.duringFrom().toString());
    m.put("duringTo", c.duringTo().toString());
    m.put("comparisonRingMeters", c.comparisonRingMeters());
    m.put("suppressed", c.suppressed());
    c.figures()
        .ifPresent(
            f -> {
              m.put("placeBefore", f.placeBefore());
              m.put("placeDuring", f.placeDuring());
              m.put("comparisonBefore", f.comparisonBefore());
              m.put("comparisonDuring", f.comparisonDuring());
              m.put("windowMonths", f.monthsDuring());
              m.put("placeRateBefore", f.placeRateBefore());
              m.put("placeRateDuring", f.placeRateDuring());
              m.put("comparisonRateBefore", f.comparisonRateBefore());
              m.put("comparisonRateDuring", f.comparisonRateDuring());
              m.put("differenceInDifferences", f.difference());
            });
    m.put(
        "months",
        c.months().stream()
            .map(
                x ->
                    Map.of(
                        "month",
                        x.month().toString(),
                        "place",
                        x.place(),
                        "comparison",
                        x.comparison()))
            .toList());
    return m;
  }

  static Map<String, Object> reportBody(FollowUpReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workspace", r.workspaceId());
    m.put("workspaceName", r.workspaceName());
    m.put("from", r.from().toString());
    m.put("to", r.to().toString());
    m.put("generatedAt", r.generatedAt().toString());
    m.put("public", r.publicView());
    List<Map<String, Object>> items = new ArrayList<>();
    for (FollowUpReport.Entry e : r.commitments()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("commitment", CommitmentJson.toNode(e.commitment()));
      item.put("progress", progressBody(e.progress()));
      item.put(
          "notes",
          e.publicNotes().stream()
              .map(n -> Map.of("date", n.date().toString(), "text", n.text()))
              .toList());
      items.add(item);
    }
    m.put("commitments", items);
    m.put("coverage", coverageBody(r.coverage()));
    m.put("changes", r.changes().stream().map(CommitmentRoutes::changeBody).toList());
    m.put("caveat", r.caveat());
    return m;
  }
}
