package se.tryggkarta.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.finding.JsonFields;
import se.tryggkarta.finding.tip.Moderation;
import se.tryggkarta.finding.tip.Tip;
import se.tryggkarta.finding.tip.TipService;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;

/**
 * Citizens' tips under {@code /api/workspaces/{ws}/tips}. Anyone who may see the workspace's public
 * face may send one (AGGREGATE: anonymous callers on public workspaces), with a body of at most
 * {@value #MAX_BODY_BYTES} bytes; the answer says only that it was received. Reading and moderating
 * tips, whose texts are personal data, is for the workspace's analysts (WRITE).
 */
public final class TipRoutes implements RouteGroup {
  static final String BASE = "/api/workspaces/{ws}/tips";

  /** The largest tip body, bytes: a point, a category and {@value Tip#MAX_TEXT_LENGTH} chars. */
  static final int MAX_BODY_BYTES = 8 * 1024;

  private static final Set<String> MODERATION_FIELDS = Set.of("moderation", "by");
  private final TipService tips;

  public TipRoutes(TipService tips) {
    this.tips = tips;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of("openapi/tips.json");
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.post(BASE, Access.AGGREGATE, this::submit);
    routes.get(BASE, Access.WRITE, this::list);
    routes.post(BASE + "/{tip}/moderation", Access.WRITE, this::moderate);
    routes.delete(BASE + "/{tip}", Access.WRITE, this::delete);
  }

  private void submit(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw new DomainException(
          ErrorKind.TOO_LARGE, "body", "a tip may be at most " + MAX_BODY_BYTES + " bytes");
    }
    Tip t =
        tips.submit(
            ctx.pathParam("ws"),
            JsonFields.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)),
            ctx.ip());
    ctx.status(202).json(Map.of("id", t.id(), "moderation", t.moderation().slug()));
  }

  private void list(Context ctx) {
    Optional<Moderation> state =
        Params.string(ctx, "moderation").map(m -> Moderation.parse("moderation", m));
    ArrayNode out = JsonFields.mapper().createArrayNode();
    tips.listTips(ctx.pathParam("ws"), state).forEach(t -> out.add(TipService.toNode(t, true)));
    ctx.json(Map.of("tips", out));
  }

  private void moderate(Context ctx) {
    JsonFields body = JsonFields.of(JsonFields.parse(ctx.body()), "", MODERATION_FIELDS);
    Tip t =
        tips.moderate(
            ctx.pathParam("ws"),
            ctx.pathParam("tip"),
            Moderation.parse("moderation", body.requiredText("moderation")),
            body.text("by").orElse(ActionRoutes.by(ctx)));
    ctx.json(TipService.toNode(t, true));
  }

  private void delete(Context ctx) {
    tips.delete(ctx.pathParam("ws"), ctx.pathParam("tip"));
    ctx.status(204);
  }
}
