package se.tryggkarta.http.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.http.ApiRoutes;
import se.tryggkarta.http.Params;
import se.tryggkarta.http.RouteGroup;
import se.tryggkarta.http.auth.Access;
import se.tryggkarta.http.auth.AccessPolicy;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * OGC API – Features and Tiles, one API per workspace at {@code /ogc/{ws}}; {@code /ogc} lists the
 * workspaces the caller may see. Every route of a workspace is {@link Access#AGGREGATE}: anonymous
 * callers reach public workspaces only, where they see release products alone; members see what
 * their role allows (viewers no free text). See {@code docs/ogc.md}.
 */
public final class OgcRoutes implements RouteGroup {
  static final String WS = "/ogc/{ws}";
  static final String COLLECTION = WS + "/collections/{collectionId}";

  private final WorkspaceService workspaces;
  private final ReleaseService releases;
  private final OgcItems items;
  private final AccessPolicy policy;
  private final OgcApiDocument document = new OgcApiDocument();

  public OgcRoutes(
      WorkspaceService workspaces, ReleaseService releases, OgcItems items, AccessPolicy policy) {
    this.workspaces = workspaces;
    this.releases = releases;
    this.items = items;
    this.policy = policy;
  }

  @Override
  public Optional<String> openApiFragment() {
    return Optional.of(OgcApiDocument.FRAGMENT);
  }

  @Override
  public void register(ApiRoutes routes) {
    routes.get("/ogc", Access.OPEN, this::index);
    routes.get(WS, Access.AGGREGATE, this::landing);
    routes.get(WS + "/api", Access.AGGREGATE, this::api);
    routes.get(WS + "/conformance", Access.AGGREGATE, this::conformance);
    routes.get(WS + "/collections", Access.AGGREGATE, this::collections);
    routes.get(COLLECTION, Access.AGGREGATE, this::collection);
    routes.get(COLLECTION + "/items", Access.AGGREGATE, this::items);
    routes.get(COLLECTION + "/items/{featureId}", Access.AGGREGATE, this::item);
    routes.get(COLLECTION + "/queryables", Access.AGGREGATE, this::queryables);
    routes.get(COLLECTION + "/map/tiles", Access.AGGREGATE, this::tilesets);
    routes.get(COLLECTION + "/map/tiles/{tileMatrixSetId}", Access.AGGREGATE, this::tileset);
    routes.get(WS + "/tileMatrixSets", Access.AGGREGATE, this::tileMatrixSets);
    routes.get(WS + "/tileMatrixSets/{tileMatrixSetId}", Access.AGGREGATE, this::tileMatrixSet);
  }

  private void index(Context ctx) {
    OgcParams.only(ctx, Set.of());
    List<Workspace> visible =
        workspaces.listWorkspaces().stream().filter(w -> policy.canSee(ctx, w)).toList();
    ctx.json(OgcJson.index(base(ctx), visible));
  }

  private void landing(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(OgcJson.landing(wsBase(ctx, w), w));
  }

  private void api(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.contentType(OgcJson.OPENAPI).result(document.forWorkspace(wsBase(ctx, w), w));
  }

  private void conformance(Context ctx) {
    OgcParams.only(ctx, Set.of());
    ctx.json(OgcJson.conformance());
  }

  private void collections(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(OgcJson.collections(wsBase(ctx, w), w, visible(ctx, w)));
  }

  private void collection(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(OgcJson.collection(wsBase(ctx, w), w, collectionOf(ctx, w)));
  }

  private void items(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    OgcCollection c = featureCollectionOf(ctx, w);
    ItemsRequest r = OgcParams.items(ctx, w, c, audience(ctx, w), true);
    OgcItems.Result page = items.page(w, c, audience(ctx, w), r);
    String collectionHref = wsBase(ctx, w) + "/collections/" + c.id();
    List<Map<String, Object>> features = new ArrayList<>(page.features().size());
    page.features().forEach(f -> features.add(OgcJson.feature(r.crs(), f, null, null)));
    Optional<String> next =
        r.offset() + page.features().size() < page.numberMatched()
            ? Optional.of(OgcLinks.withOffset(ctx, base(ctx), r.offset() + r.limit()))
            : Optional.empty();
    ctx.header("Content-Crs", "<" + r.crs().uri() + ">");
    ctx.json(
            OgcJson.items(
                features,
                page.numberMatched(),
                OgcLinks.self(ctx, base(ctx)),
                next,
                collectionHref))
        .contentType(OgcJson.GEOJSON);
  }

  private void item(Context ctx) {
    Workspace w = Params.workspace(ctx, workspaces);
    OgcCollection c = featureCollectionOf(ctx, w);
    ItemsRequest r = OgcParams.items(ctx, w, c, audience(ctx, w), false);
    String id = ctx.pathParam("featureId");
    OgcFeature f =
        items
            .find(w, c, audience(ctx, w), id, r)
            .orElseThrow(() -> DomainException.notFound(c.id() + " feature", id));
    String collectionHref = wsBase(ctx, w) + "/collections/" + c.id();
    ctx.header("Content-Crs", "<" + r.crs().uri() + ">");
    ctx.json(OgcJson.feature(r.crs(), f, OgcLinks.self(ctx, base(ctx)), collectionHref))
        .contentType(OgcJson.GEOJSON);
  }

  private void queryables(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(OgcJson.queryables(wsBase(ctx, w), featureCollectionOf(ctx, w)))
        .contentType("application/schema+json");
  }

  private void tilesets(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(OgcJson.tilesets(wsBase(ctx, w), tiledCollectionOf(ctx, w)));
  }

  private void tileset(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    OgcCollection c = tiledCollectionOf(ctx, w);
    tileMatrixSetId(ctx);
    ctx.json(OgcJson.tileset(base(ctx), wsBase(ctx, w), w, c));
  }

  private void tileMatrixSets(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Workspace w = Params.workspace(ctx, workspaces);
    ctx.json(OgcJson.tileMatrixSets(wsBase(ctx, w)));
  }

  private void tileMatrixSet(Context ctx) {
    OgcParams.only(ctx, Set.of());
    Params.workspace(ctx, workspaces);
    tileMatrixSetId(ctx);
    ctx.json(OgcJson.webMercatorQuad());
  }

  // ---- who sees what ----

  private OgcItems.Audience audience(Context ctx, Workspace w) {
    if (policy.isPublic(ctx, w.id())) {
      return OgcItems.Audience.PUBLIC;
    }
    return policy.canReadComments(ctx, w.id())
        ? OgcItems.Audience.ANALYST
        : OgcItems.Audience.VIEWER;
  }

  /**
   * The collections this caller sees: members all of them; the public the products without personal
   * data (dark stretches, commitment places) and, once the workspace publishes releases, the
   * release products and the density tiles.
   */
  private List<OgcCollection> visible(Context ctx, Workspace w) {
    if (audience(ctx, w) != OgcItems.Audience.PUBLIC) {
      return List.of(OgcCollection.values());
    }
    boolean released = !releases.catalog(w.id()).periods().isEmpty();
    return java.util.Arrays.stream(OgcCollection.values())
        .filter(c -> c.kind() != OgcCollection.Kind.LAYER)
        .filter(c -> released || !(c.fromRelease() || c == OgcCollection.DENSITY))
        .toList();
  }

  private OgcCollection collectionOf(Context ctx, Workspace w) {
    String id = ctx.pathParam("collectionId");
    return OgcCollection.find(id)
        .filter(visible(ctx, w)::contains)
        .orElseThrow(() -> DomainException.notFound("collection", id));
  }

  private OgcCollection featureCollectionOf(Context ctx, Workspace w) {
    OgcCollection c = collectionOf(ctx, w);
    if (c.kind() == OgcCollection.Kind.TILES) {
      throw DomainException.notFound("feature collection", c.id());
    }
    return c;
  }

  private OgcCollection tiledCollectionOf(Context ctx, Workspace w) {
    OgcCollection c = collectionOf(ctx, w);
    if (c.kind() != OgcCollection.Kind.TILES) {
      throw DomainException.notFound("tiled collection", c.id());
    }
    return c;
  }

  private static void tileMatrixSetId(Context ctx) {
    String id = ctx.pathParam("tileMatrixSetId");
    if (!id.equals(OgcJson.WEB_MERCATOR_QUAD)) {
      throw DomainException.notFound("tile matrix set", id);
    }
  }

  private static String base(Context ctx) {
    return OgcLinks.base(ctx);
  }

  private static String wsBase(Context ctx, Workspace w) {
    return base(ctx) + "/ogc/" + w.id();
  }
}
