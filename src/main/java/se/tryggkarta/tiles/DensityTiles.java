package se.tryggkarta.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import se.tryggkarta.analysis.AnalysisCache;
import se.tryggkarta.analysis.AnalysisKey;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.HotspotAnalyses;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.hotspot.raster.GeoTiff;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Density tiles cut from one workspace-wide surface per set of options.
 *
 * <p><b>The surface.</b> For a member's options the hotspot engine computes the density of the
 * whole workspace once ({@link HotspotAnalyses#density}: linear binning + FFT, values in expected
 * events per km², bandwidth in metres, extent = boundary box or events' box grown by the kernel's
 * reach); for the public it is a release's density ({@link ReleaseService#density}), smoothed from
 * protected counts on public cells. Every tile at every zoom samples that one surface, so the
 * surface's own extent is the gutter: a tile's pixels near its edge see all events within the
 * kernel radius, neighbouring tiles agree along their edge, and a point has the same value at every
 * zoom.
 *
 * <p><b>A pixel's value.</b> With s the pixel's ground size (2π·a·cos(lat)/(256·2^z)) and c the
 * cell size: when s ≤ c the pixel takes the value of the cell holding its centre (exactly the
 * engine's value there); when s &gt; c it takes the mean density over the s × s square centred on
 * the pixel, the mean of the cells whose centres fall inside it, read from a summed-area table in
 * O(1). Pixel centres are placed by exact transforms on a 16-px lattice with bilinear interpolation
 * in between (see {@link #LATTICE_PX}) — so the total mass a low-zoom tile shows is the surface's
 * (Web Mercator's rotation against the workspace CRS, under a degree in Sweden, is ignored).
 *
 * <p><b>Colour.</b> Fixed per view: by {@code max} or the surface's maximum; the legend returns it.
 * <b>Privacy.</b> Public callers get a release's surface only ({@link ReleaseView}): public cells
 * of at least 100 m (a pixel never resolves finer, it only repeats a cell) smoothed from protected
 * counts. <b>Empty tiles</b> (outside the workspace's boundary or surface, or all zero) are not
 * rendered: {@link #tile} answers empty.
 *
 * <p>Surfaces are computed and tiles rendered on the view's own {@link AnalysisPool} (members' or
 * releases', bounded, single flight, cached by data version); rendered tiles are kept in a
 * byte-bounded Caffeine cache keyed likewise. Thread-safe.
 */
public final class DensityTiles {
  private static final byte[] EMPTY = new byte[0];

  /**
   * Pixel centres are transformed exactly every this many pixels and interpolated bilinearly in
   * between: Web Mercator → SWEREF 99 TM is smooth, and the interpolation error over 16 px is about
   * (16 px)² · |∂²X/∂p²| ≈ 2 cm at z12 (330 m spans) and ¼ as much per zoom above — far below a
   * cell.
   */
  static final int LATTICE_PX = 16;

  private final WorkspaceService workspaces;
  private final HotspotAnalyses members;
  private final ReleaseService releases;
  private final Cache<String, byte[]> tiles;

  /**
   * @param members members' surfaces, computed and rendered on the members' pool
   * @param releases public surfaces, computed and rendered on the releases' own pool
   * @param tileCacheBytes the bound of the rendered-tile cache in bytes
   */
  public DensityTiles(
      WorkspaceService workspaces,
      HotspotAnalyses members,
      ReleaseService releases,
      long tileCacheBytes) {
    this.workspaces = workspaces;
    this.members = members;
    this.releases = releases;
    this.tiles =
        Caffeine.newBuilder()
            .maximumWeight(tileCacheBytes)
            .weigher((String k, byte[] v) -> 64 + k.length() * 2 + v.length)
            .recordStats()
            .build();
  }

  /** What a tile shows: a member's free options, or a public release. */
  public sealed interface View permits MemberView, ReleaseView {
    /** A canonical text of the surface the view samples, for keys and entity tags. */
    String surface();

    /** The colour scale's top, events per km² (empty: the surface's maximum). */
    Optional<Double> maxPerKm2();
  }

  /** A member's view: the hotspot engine's density for free options. */
  public record MemberView(TileOptions options) implements View {
    @Override
    public String surface() {
      return "member|" + options.normalisedSurface();
    }

    @Override
    public Optional<Double> maxPerKm2() {
      return options.maxPerKm2();
    }
  }

  /** The public's view: a release's density, the only surface anonymous callers see. */
  public record ReleaseView(ReleaseSelection selection, Optional<Double> maxPerKm2)
      implements View {
    public ReleaseView {
      maxPerKm2.ifPresent(TileOptions::requireMax);
    }

    @Override
    public String surface() {
      return "release|" + selection.canonical();
    }
  }

  /** Hits and misses of the rendered-tile cache since start. */
  public CacheCounts tileCacheCounts() {
    var st = tiles.stats();
    return new CacheCounts(st.hitCount(), st.missCount());
  }

  /** Cache counters. */
  public record CacheCounts(long hits, long misses) {}

  /**
   * The entity tag of a tile: a digest of the workspace, its data version, the view, the tile and
   * the format. Cheap (no analysis); equal on every instance sharing a store.
   */
  public String etag(String workspaceId, long version, TileCoord c, TileFormat f, View v) {
    return AnalysisCache.etag(tileKey(workspaceId, version, c, f, v));
  }

  /** The entity tag of the legend for a view (as {@link #etag}). */
  public String legendEtag(String workspaceId, long version, View v) {
    return AnalysisCache.etag("legend", workspaceId, Long.toString(version), v.surface(), scale(v));
  }

  /** The encoded tile; empty when it shows nothing (outside the workspace, or all zero). */
  public Optional<byte[]> tile(
      String workspaceId, long version, TileCoord c, TileFormat f, View v) {
    String key = tileKey(workspaceId, version, c, f, v);
    byte[] b = tiles.get(key, k -> render(workspaceId, version, c, f, v));
    return b.length == 0 ? Optional.empty() : Optional.of(b);
  }

  /**
   * The tile's values, 256 × 256, row-major from the north-west pixel, events per km²; empty when
   * the tile is outside the workspace.
   */
  public Optional<float[]> values(String workspaceId, long version, TileCoord c, View v) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    // an outside tile costs no surface
    return outside(w, c) ? Optional.empty() : sample(surface(w, version, v), c);
  }

  /** Whether the tile lies outside the workspace's boundary (its envelope). */
  private static boolean outside(Workspace w, TileCoord c) {
    double[] box = c.boundsWgs84();
    return w.boundaryWgs84().isPresent()
        && !w.boundaryWgs84()
            .get()
            .getEnvelopeInternal()
            .intersects(new Envelope(box[0], box[2], box[1], box[3]));
  }

  /** The surface's values on the tile's pixels; empty when the surface does not reach the tile. */
  private static Optional<float[]> sample(Surface s, TileCoord c) {
    if (!s.meets(c.boundsWgs84())) {
      return Optional.empty();
    }
    Crs crs = s.map().get().crs();
    double cell = s.map().get().density().grid().cellSizeMeters();
    int n = TileCoord.SIZE;
    int step = LATTICE_PX;
    int m = n / step + 1;
    // Exact transforms of pixel centres on a lattice every LATTICE_PX pixels (and one past the
    // last row/column); pixels in between are placed by bilinear interpolation.
    double[] lx = new double[m * m];
    double[] ly = new double[m * m];
    double[] size = new double[m];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < m; i++) {
        LonLat ll = c.pixelCentre(i * step, j * step);
        XY p = crs.toXY(ll);
        lx[j * m + i] = p.x();
        ly[j * m + i] = p.y();
        if (i == 0) {
          size[j] = c.pixelMeters(ll.lat());
        }
      }
    }
    float[] v = new float[n * n];
    for (int py = 0; py < n; py++) {
      int j = Math.min(py / step, m - 2);
      double ty = (py - j * step) / (double) step;
      double pixel = size[j] + ty * (size[j + 1] - size[j]);
      for (int px = 0; px < n; px++) {
        int i = Math.min(px / step, m - 2);
        double tx = (px - i * step) / (double) step;
        int k = j * m + i;
        double x =
            (1 - ty) * ((1 - tx) * lx[k] + tx * lx[k + 1])
                + ty * ((1 - tx) * lx[k + m] + tx * lx[k + m + 1]);
        double y =
            (1 - ty) * ((1 - tx) * ly[k] + tx * ly[k + 1])
                + ty * ((1 - tx) * ly[k + m] + tx * ly[k + m + 1]);
        XY p = new XY(x, y);
        v[py * n + px] = (float) (pixel <= cell ? s.valueAt(p) : s.meanOver(p, pixel));
      }
    }
    return Optional.of(v);
  }

  /** The colour scale tiles of a view use: its top and stops, events per km². */
  public Legend legend(String workspaceId, long version, View v) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Surface s = surface(w, version, v);
    double max = v.maxPerKm2().orElse(s.maxPerKm2());
    return new Legend(max, s.maxPerKm2(), v.maxPerKm2().isPresent(), ColourRamp.legend(max));
  }

  /**
   * A colour scale.
   *
   * @param maxPerKm2 the value drawn in the ramp's last colour (and above)
   * @param surfaceMaxPerKm2 the surface's own maximum
   * @param explicit whether the top was given as {@code max}
   */
  public record Legend(
      double maxPerKm2, double surfaceMaxPerKm2, boolean explicit, List<ColourRamp.Stop> stops) {}

  // ---- internals ----

  private byte[] render(String workspaceId, long version, TileCoord c, TileFormat f, View v) {
    // The surface comes from its pool first; the rendering then runs on the same pool (it never
    // waits for another pool task, so the pool cannot deadlock on itself): public tiles on the
    // releases' pool, members' tiles on the members' pool, so a flood of one never takes the
    // other's workers. One workspace read and one surface look-up serve colour scale and values.
    Workspace w = workspaces.getWorkspace(workspaceId);
    Surface s = surface(w, version, v);
    double max = v.maxPerKm2().orElse(s.maxPerKm2());
    return pool(v)
        .run(
            () -> {
              Optional<float[]> values = outside(w, c) ? Optional.empty() : sample(s, c);
              if (values.isEmpty() || allZero(values.get())) {
                return EMPTY;
              }
              return switch (f) {
                case PNG -> png(values.get(), max);
                case TIFF -> tiff(values.get(), c);
              };
            });
  }

  private AnalysisPool pool(View v) {
    return v instanceof ReleaseView ? releases.cache().pool() : members.cache().pool();
  }

  private Surface surface(Workspace w, long version, View v) {
    if (v instanceof ReleaseView r) {
      return releases
          .cache()
          .get(
              new SurfaceKey(w.id(), version, v.surface()),
              () -> new Surface(Optional.of(releases.density(r.selection(), version))));
    }
    MemberView m = (MemberView) v;
    return members
        .cache()
        .get(
            new SurfaceKey(w.id(), version, v.surface()),
            () -> {
              try {
                return new Surface(
                    Optional.of(members.density(w.id(), version, m.options().density())));
              } catch (DomainException e) {
                if (e.kind() == ErrorKind.UNPROCESSABLE) {
                  return new Surface(Optional.empty());
                }
                throw e;
              }
            });
  }

  private record SurfaceKey(String workspaceId, long dataVersion, String surface)
      implements AnalysisKey<Surface> {
    @Override
    public int weightBytes(Surface s) {
      return s.weightBytes();
    }
  }

  private static String scale(View v) {
    return "max=" + v.maxPerKm2().map(Object::toString).orElse("auto");
  }

  private static String tileKey(String ws, long version, TileCoord c, TileFormat f, View v) {
    return "tile|"
        + ws
        + "|"
        + version
        + "|"
        + v.surface()
        + "|"
        + scale(v)
        + "|"
        + c.z()
        + "/"
        + c.x()
        + "/"
        + c.y()
        + "."
        + f.extension();
  }

  private static boolean allZero(float[] v) {
    for (float x : v) {
      if (x > 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] png(float[] v, double max) {
    int n = TileCoord.SIZE;
    BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
    for (int py = 0; py < n; py++) {
      for (int px = 0; px < n; px++) {
        img.setRGB(px, py, ColourRamp.argb(v[py * n + px], max));
      }
    }
    return ColourRamp.pngBytes(img);
  }

  private static byte[] tiff(float[] v, TileCoord c) {
    int n = TileCoord.SIZE;
    double[] b = c.boundsMercator();
    GridSpec g = new GridSpec(b[0], b[1], (b[2] - b[0]) / n, n, n);
    float[] southUp = new float[n * n];
    for (int row = 0; row < n; row++) {
      System.arraycopy(v, row * n, southUp, (n - 1 - row) * n, n);
    }
    return GeoTiff.encode(g, southUp, MERCATOR);
  }

  private static final Crs MERCATOR = Crs.of(3857);
}
