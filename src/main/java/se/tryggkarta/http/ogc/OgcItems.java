package se.tryggkarta.http.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentPlace;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.Lang;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.EventFilter;
import se.tryggkarta.hotspot.GiStarRequest;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.kde.Kernel;
import se.tryggkarta.http.api.FeatureJson;
import se.tryggkarta.http.api.HotspotJson;
import se.tryggkarta.http.api.LightingJson;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Page;
import se.tryggkarta.lighting.LightingRequest;
import se.tryggkarta.lighting.LightingService;
import se.tryggkarta.lighting.PriorityList;
import se.tryggkarta.lighting.PublishedEvidence;
import se.tryggkarta.lighting.coverage.CoverageSettings;
import se.tryggkarta.lighting.priority.NightWindow;
import se.tryggkarta.lighting.priority.Priority;
import se.tryggkarta.lighting.priority.PriorityWeights;
import se.tryggkarta.place.PlaceService;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.workspace.Workspace;

/**
 * Makes the features of a collection for one caller, from the same services as the {@code /api}
 * routes: layer records through the store (filters pushed down), analysis products through the
 * members' analyses or the public releases. Filters by bbox (exactly, in the bbox's own system) and
 * pages. Thread-safe.
 */
public final class OgcItems {
  /** Who the features are for. */
  public enum Audience {
    /** No key for the workspace: release products only. */
    PUBLIC,
    /** A viewer: every collection, no free text. */
    VIEWER,
    /** An analyst or admin: every collection with free text. */
    ANALYST
  }

  /** One page of features and how many match in all. */
  public record Result(List<OgcFeature> features, long numberMatched) {
    public Result {
      features = List.copyOf(features);
    }
  }

  private static final double GISTAR_ALPHA = 0.05;

  private final LayerStore layers;
  private final HotspotAnalyses analyses;
  private final ReleaseService releases;
  private final LightingService lighting;
  private final PublishedEvidence published;
  private final CommitmentService commitments;
  private final PlaceService places;

  /**
   * @param places names the nearest street or place of each site
   */
  public OgcItems(
      LayerStore layers,
      HotspotAnalyses analyses,
      ReleaseService releases,
      LightingService lighting,
      PublishedEvidence published,
      CommitmentService commitments,
      PlaceService places) {
    this.layers = layers;
    this.analyses = analyses;
    this.releases = releases;
    this.lighting = lighting;
    this.published = published;
    this.commitments = commitments;
    this.places = places;
  }

  /** The page the request asks for. */
  public Result page(Workspace w, OgcCollection c, Audience a, ItemsRequest r) {
    if (c.layer().isPresent()) {
      return layerPage(w, c.layer().get(), a, r);
    }
    List<OgcFeature> all = filtered(products(w, c, a, r), r);
    int from = (int) Math.min(r.offset(), all.size());
    int to = (int) Math.min((long) from + r.limit(), all.size());
    return new Result(all.subList(from, to), all.size());
  }

  /** One feature by id, computed with the same options as the items. */
  public Optional<OgcFeature> find(
      Workspace w, OgcCollection c, Audience a, String id, ItemsRequest r) {
    if (c.layer().isPresent()) {
      return layers
          .findRecord(w.id(), c.layer().get(), id)
          .map(rec -> feature(rec, a == Audience.ANALYST));
    }
    return products(w, c, a, r).stream().filter(f -> f.id().equals(id)).findFirst();
  }

  // ---- layers ----

  private Result layerPage(Workspace w, Layer layer, Audience a, ItemsRequest r) {
    boolean comments = a == Audience.ANALYST;
    LayerQuery query =
        new LayerQuery(
            r.bbox().map(b -> r.bboxCrs().toWgs84(b)),
            r.time(),
            r.categories(),
            r.limit(),
            r.offset());
    if (r.bbox().isEmpty() || r.bboxCrs().crs().isGeographic()) {
      Page<LayerRecord> page = layers.query(w.id(), layer, query);
      return new Result(
          page.items().stream().map(x -> feature(x, comments)).toList(), page.total());
    }
    // a projected box: the store selects by the WGS84 box around it, the exact test is done here
    List<OgcFeature> window = new ArrayList<>();
    long[] matched = {0};
    layers.scan(
        w.id(),
        layer,
        query.withPage(LayerQuery.MAX_LIMIT, 0),
        rec -> {
          if (intersects(rec.geometryWgs84(), r)) {
            if (matched[0] >= r.offset() && window.size() < r.limit()) {
              window.add(feature(rec, comments));
            }
            matched[0]++;
          }
        });
    return new Result(window, matched[0]);
  }

  private static OgcFeature feature(LayerRecord r, boolean comments) {
    return new OgcFeature(r.externalId(), r.geometryWgs84(), FeatureJson.properties(r, comments));
  }

  // ---- analysis products ----

  private List<OgcFeature> products(Workspace w, OgcCollection c, Audience a, ItemsRequest r) {
    boolean release = a == Audience.PUBLIC || r.release().isPresent();
    return switch (c) {
      case PATROL_SITES ->
          fromGeoJson(
              release
                  ? HotspotJson.sites(
                      releases.sites(selection(w, r), releases.dataVersion(w.id()), r.siteCount()),
                      places.index(w.id()))
                  : HotspotJson.sites(
                      analyses.sites(
                          w.id(),
                          analyses.dataVersion(w.id()),
                          new DensityRequest(
                              eventFilter(r),
                              DensityRequest.DEFAULT_CELL_METERS,
                              Optional.empty(),
                              Kernel.QUARTIC,
                              false),
                          r.siteCount(),
                          HotspotService.DEFAULT_RADIUS_METERS,
                          Optional.empty()),
                      places.index(w.id())),
              "rank");
      case GISTAR ->
          fromGeoJson(
              release
                  ? HotspotJson.giStar(
                      releases.giStar(selection(w, r), releases.dataVersion(w.id()), GISTAR_ALPHA))
                  : HotspotJson.giStar(
                      analyses.giStar(
                          w.id(),
                          analyses.dataVersion(w.id()),
                          new GiStarRequest(
                              eventFilter(r), Optional.empty(), Optional.empty(), GISTAR_ALPHA))),
              null);
      case DARK_STRETCHES ->
          fromGeoJson(
              LightingJson.darkSegments(
                  lighting.coverage(w.id(), CoverageSettings.DEFAULT).result().darkStretches(),
                  w.crs()),
              null);
      case LIGHTING_PRIORITIES -> priorities(w, release, r);
      case COMMITMENT_PLACES -> commitmentPlaces(w);
      default -> throw DomainException.notFound("collection", c.id());
    };
  }

  private ReleaseSelection selection(Workspace w, ItemsRequest r) {
    ItemsRequest.ReleaseChoice choice =
        r.release()
            .orElse(
                new ItemsRequest.ReleaseChoice(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    return releases.select(w.id(), choice.period(), choice.layer(), choice.group(), choice.slice());
  }

  private static EventFilter eventFilter(ItemsRequest r) {
    return EventFilter.all(Layer.INCIDENTS).withTime(r.time()).withCategories(r.categories());
  }

  /** The work list as the lighting route ranks it; the public's from the release period. */
  private List<OgcFeature> priorities(Workspace w, boolean release, ItemsRequest r) {
    PriorityList list;
    if (release) {
      ReleaseSelection sel = selection(w, r);
      HourWindow night = w.settings().night();
      LightingRequest request =
          new LightingRequest(
              CoverageSettings.DEFAULT,
              new NightWindow(night.fromHour(), night.toHour(), NightWindow.Season.YEAR),
              PriorityWeights.DEFAULT,
              sel.period().timeRange(w.timeZone()));
      list =
          lighting.priorities(
              w.id(),
              request,
              published.evidence(w.id(), releases.dataVersion(w.id()), sel.period().id()));
    } else {
      LightingRequest d = LightingRequest.DEFAULT;
      list =
          lighting.priorities(
              w.id(), new LightingRequest(d.coverage(), d.night(), d.weights(), r.time()));
    }
    List<Priority> shown =
        list.priorities().stream()
            .filter(p -> !release || p.supportingEvents() >= w.privacy().minEvents())
            .toList();
    return fromGeoJson(LightingJson.prioritiesGeoJson(shown, w.crs(), Lang.SV), null);
  }

  private List<OgcFeature> commitmentPlaces(Workspace w) {
    List<OgcFeature> out = new ArrayList<>();
    for (Commitment c : commitments.listCommitments(w.id())) {
      for (int i = 0; i < c.places().size(); i++) {
        CommitmentPlace p = c.places().get(i);
        if (p.geometryWgs84().isEmpty()) {
          continue;
        }
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("commitment", c.id());
        props.put("title", c.title());
        props.put("responsible", c.responsible());
        props.put("state", c.state().slug());
        props.put("periodStart", c.periodStart().toString());
        props.put("periodEnd", c.periodEnd().toString());
        props.put("place", p.name());
        props.put("bufferMeters", p.bufferMeters());
        p.target().ifPresent(t -> props.put("target", t));
        out.add(new OgcFeature(c.id() + "." + (i + 1), p.geometryWgs84().get(), props));
      }
    }
    return out;
  }

  /**
   * The features of a GeoJSON FeatureCollection map made by the {@code /api} JSON shapes; the id is
   * the feature's own, else the property {@code idProperty}, else its position from 1.
   */
  @SuppressWarnings("unchecked")
  private static List<OgcFeature> fromGeoJson(Map<String, Object> collection, String idProperty) {
    List<Object> features = (List<Object>) collection.get("features");
    List<OgcFeature> out = new ArrayList<>(features.size());
    int position = 0;
    for (Object o : features) {
      position++;
      Map<String, Object> f = (Map<String, Object>) o;
      Map<String, Object> props = (Map<String, Object>) f.get("properties");
      Object id = f.get("id");
      if (id == null && idProperty != null) {
        id = props.get(idProperty);
      }
      out.add(
          new OgcFeature(
              id == null ? Integer.toString(position) : id.toString(),
              (Geometry) f.get("geometry"),
              withoutNulls(props)));
    }
    return out;
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> props) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    props.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static List<OgcFeature> filtered(List<OgcFeature> all, ItemsRequest r) {
    if (r.bbox().isEmpty()) {
      return all;
    }
    return all.stream().filter(f -> intersects(f.geometryWgs84(), r)).toList();
  }

  /** Whether the geometry's envelope, in the bbox's system, meets the bbox. */
  private static boolean intersects(Geometry wgs84, ItemsRequest r) {
    Bbox b = r.bbox().get();
    Envelope e = r.bboxCrs().fromWgs84(wgs84).getEnvelopeInternal();
    return e.intersects(new Envelope(b.minX(), b.maxX(), b.minY(), b.maxY()));
  }
}
