package se.tryggkarta.http.api;

import io.javalin.http.Context;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.UploadBody;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.ingest.ExportService;
import se.tryggkarta.ingest.ImportFormat;
import se.tryggkarta.ingest.ImportOptions;
import se.tryggkarta.ingest.ImportReport;
import se.tryggkarta.ingest.ImportService;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * File import and export of a layer: {@code POST /api/workspaces/{ws}/layers/{layer}/import} (the
 * body is the file, streamed; options as query parameters, see {@link ImportOptions}) and {@code
 * GET /api/workspaces/{ws}/layers/{layer}/export?format=geojson|csv|gpkg}. Register before {@link
 * LayerRoutes}, whose {@code /{id}} route would otherwise take {@code /export}.
 */
public final class IngestRoutes implements RouteGroup {
  private final WorkspaceService workspaces;
  private final ImportService imports;
  private final ExportService exports;
  private final AccessPolicy policy;
  private final long maxUploadBytes;

  public IngestRoutes(
      WorkspaceService workspaces,
      ImportService imports,
      ExportService exports,
      AccessPolicy policy,
      long maxUploadBytes) {
    this.workspaces = workspaces;
    this.imports = imports;
    this.exports = exports;
    this.policy = policy;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.post("/api/workspaces/{ws}/layers/{layer}/import", Access.WRITE, this::importFile);
    routes.get("/api/workspaces/{ws}/layers/{layer}/export", Access.READ, this::export);
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/ingest.json");
  }

  private void importFile(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    Layer layer = Layer.parse("layer", ctx.pathParam("layer"));
    Map<String, String> params = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    Optional<String> fileName = Optional.ofNullable(params.remove("filename"));
    ImportOptions options =
        ImportOptions.parse(params).withSource(Optional.ofNullable(ctx.contentType()), fileName);
    InputStream body = UploadBody.open(ctx, maxUploadBytes);
    ImportReport report;
    try {
      report = imports.importFile(w.id(), layer, body, options);
    } catch (DomainException e) {
      if (e.kind() != ErrorKind.TOO_LARGE) {
        UploadBody.drain(body);
      }
      throw e;
    }
    ctx.status(report.inserted() > 0 ? 201 : 200).json(json(report));
  }

  private void export(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    Layer layer = Layer.parse("layer", ctx.pathParam("layer"));
    ImportFormat format =
        ImportFormat.parse("format", Params.string(ctx, "format").orElse("geojson"));
    ctx.contentType(format.mediaType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + w.id() + "-" + layer.slug() + format.extension() + "\"");
    exports.export(w.id(), layer, format, policy.canReadComments(ctx, w.id()), ctx.outputStream());
  }

  static Map<String, Object> json(ImportReport r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workspace", r.workspaceId());
    body.put("layer", r.layer().slug());
    body.put("format", r.format().slug());
    body.put("read", r.read());
    body.put("stored", r.stored());
    body.put("inserted", r.inserted());
    body.put("updated", r.updated());
    body.put("rejected", r.rejected());
    body.put("errors", r.errors().stream().map(IngestRoutes::error).toList());
    body.put("warnings", r.warnings());
    return body;
  }

  private static Map<String, Object> error(FieldError e) {
    Map<String, Object> item = new LinkedHashMap<>();
    e.record().ifPresent(n -> item.put("record", n));
    item.put("field", e.field());
    item.put("reason", e.reason());
    item.put(
        "pointer", e.record().map(n -> "/records/" + n + "/" + e.field()).orElse("/" + e.field()));
    return item;
  }
}
