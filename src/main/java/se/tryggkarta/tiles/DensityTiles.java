package se.tryggkarta.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.hotspot.Audience;
import se.tryggkarta.hotspot.DensityMap;
import se.tryggkarta.hotspot.DensityRequest;
import se.tryggkarta.hotspot.HotspotService;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.kde.DensityGrid;
import se.tryggkarta.hotspot.raster.ColourRamp;
import se.tryggkarta.hotspot.raster.GeoTiff;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Density tiles cut from one workspace-wide surface per set of options.
 *
 * <p><b>The surface.</b> For given options the hotspot engine computes the density of the whole
 * workspace once ({@link HotspotService#density}: linear binning + FFT, values in expected events
 * per km², bandwidth in metres, extent = boundary box or events' box grown by the kernel's reach).
 * Every tile at every zoom samples that one surface, so the surface's own extent is the gutter: a
 * tile's pixels near its edge see all events within the kernel radius, neighbouring tiles agree
 * along their edge, and a point has the same value at every zoom.
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
 * <b>Privacy.</b> Public callers get the engine's public surface: cells no finer than the
 * workspace's minCellMeters (a pixel never resolves finer, it only repeats a cell) and cells
 * supported by fewer than k events set to 0 (transparent). <b>Empty tiles</b> (outside the
 * workspace's boundary or surface, or all zero) are not rendered: {@link #tile} answers empty.
 *
 * <p>Surfaces are computed on the {@link AnalysisPool} (bounded, single flight, cached by data
 * version); rendered tiles are kept in a byte-bounded Caffeine cache keyed likewise. Thread-safe.
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
  private final LayerStore layers;
  private final HotspotService hotspots;
  private final AnalysisPool pool;
  private final Cache<String, byte[]> tiles;

  /**
   * @param tileCacheBytes the bound of the rendered-tile cache in bytes
   */
  public DensityTiles(
      WorkspaceService workspaces,
      LayerStore layers,
      HotspotService hotspots,
      AnalysisPool pool,
      long tileCacheBytes) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.hotspots = hotspots;
    this.pool = pool;
    this.tiles =
        Caffeine.newBuilder()
            .maximumWeight(tileCacheBytes)
            .weigher((String k, byte[] v) -> 64 + k.length() * 2 + v.length)
            .recordStats()
            .build();
  }

  /** The pool that runs the surfaces (and other heavy analyses). */
  public AnalysisPool pool() {
    return pool;
  }

  /** Hits and misses of the rendered-tile cache since start. */
  public CacheCounts tileCacheCounts() {
    var st = tiles.stats();
    return new CacheCounts(st.hitCount(), st.missCount());
  }

  /** Cache counters. */
  public record CacheCounts(long hits, long misses) {}

  /**
   * The entity tag of a tile: a digest of the workspace, its data version, the audience, the
   * normalised options, the tile and the format. Cheap (no analysis); equal on every instance
   * sharing a store.
   */
  public String etag(
      String workspaceId,
      long version,
      TileCoord c,
      TileFormat f,
      TileOptions o,
      Audience audience) {
    return "\"" + digest(tileKey(workspaceId, version, c, f, o, audience)) + "\"";
  }

  /**
   * The workspace's data version, read once per request and handed to the other methods, so that
   * one request asks the store once and its tag, tile and surface all belong to the same data.
   */
  public long dataVersion(String workspaceId) {
    return layers.dataVersion(workspaceId);
  }

  /** The entity tag of the legend for these options (as {@link #etag}). */
  public String legendEtag(String workspaceId, long version, TileOptions o, Audience audience) {
    return "\""
        + digest(surfaceKey(workspaceId, version, o, audience) + "|legend|" + o.normalised())
        + "\"";
  }

  /** The encoded tile; empty when it shows nothing (outside the workspace, or all zero). */
  public Optional<byte[]> tile(
      String workspaceId,
      long version,
      TileCoord c,
      TileFormat f,
      TileOptions o,
      Audience audience) {
    String key = tileKey(workspaceId, version, c, f, o, audience);
    byte[] b = tiles.get(key, k -> render(workspaceId, version, c, f, o, audience));
    return b.length == 0 ? Optional.empty() : Optional.of(b);
  }

  /**
   * The tile's values, 256 × 256, row-major from the north-west pixel, events per km²; empty when
   * the tile is outside the workspace.
   */
  public Optional<float[]> values(String workspaceId, TileCoord c, TileOptions o, Audience a) {
    return values(workspaceId, dataVersion(workspaceId), c, o, a);
  }

  private Optional<float[]> values(
      String workspaceId, long version, TileCoord c, TileOptions o, Audience a) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    // an outside tile costs no surface
    return outside(w, c) ? Optional.empty() : sample(surface(w, version, o, a), c);
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

  /** The colour scale tiles use for these options: its top and stops, events per km². */
  public Legend legend(String workspaceId, long version, TileOptions o, Audience audience) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Surface s = surface(w, version, o, audience);
    double max = o.maxPerKm2().orElse(s.maxPerKm2());
    return new Legend(max, s.maxPerKm2(), o.maxPerKm2().isPresent(), ColourRamp.legend(max));
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

  /**
   * The engine's density map for these options, through the pool and the cache (keyed by data
   * version): for the heavy density endpoint.
   */
  public DensityMap density(
      String workspaceId, long version, DensityRequest req, Audience audience) {
    return pool.<CachedMap>get(
            new MapKey(workspaceId, version, audience, req),
            () -> new CachedMap(hotspots.density(workspaceId, req, audience)))
        .map();
  }

  /**
   * Any heavy analysis through the pool and the cache: {@code compute} runs at most once per
   * (workspace, data version, request) at a time; {@code request} must be a value with equals and
   * hashCode covering every option and the audience. {@code weightBytes} estimates the result's
   * size for the cache's bound.
   */
  public <T> T analysis(
      String workspaceId, long version, Object request, int weightBytes, Supplier<T> compute) {
    return pool.<Sized<T>>get(
            new AnalysisKey(workspaceId, version, request),
            () -> new Sized<>(compute.get(), weightBytes))
        .value();
  }

  /**
   * An entity tag for an analysis response: a digest of the workspace's data version, the audience
   * and a canonical text of the request (the caller sorts its parameters).
   */
  public String analysisEtag(
      String workspaceId, long version, Audience audience, String canonicalRequest) {
    return "\""
        + digest(
            "analysis|" + workspaceId + "|" + version + "|" + audience + "|" + canonicalRequest)
        + "\"";
  }

  private record AnalysisKey(String ws, long version, Object request) {}

  private record Sized<T>(T value, int weightBytes) implements AnalysisPool.Weighed {}

  private record MapKey(String ws, long version, Audience audience, DensityRequest req) {}

  private record CachedMap(DensityMap map) implements AnalysisPool.Weighed {
    @Override
    public int weightBytes() {
      return 256 + map.density().grid().cellCount() * 4;
    }
  }

  // ---- internals ----

  private byte[] render(
      String workspaceId,
      long version,
      TileCoord c,
      TileFormat f,
      TileOptions o,
      Audience audience) {
    // The surface comes from the pool first; the rendering then runs on the pool too (it never
    // waits for another pool task, so the pool cannot deadlock on itself). One workspace read and
    // one surface look-up serve the colour scale and the values.
    Workspace w = workspaces.getWorkspace(workspaceId);
    Surface s = surface(w, version, o, audience);
    double max = o.maxPerKm2().orElse(s.maxPerKm2());
    return pool.run(
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

  private Surface surface(Workspace w, long version, TileOptions o, Audience audience) {
    return pool.get(
        surfaceKey(w.id(), version, o, audience),
        () -> {
          try {
            return new Surface(Optional.of(hotspots.density(w.id(), o.density(), audience)));
          } catch (DomainException e) {
            if (e.kind() == ErrorKind.UNPROCESSABLE) {
              return new Surface(Optional.empty());
            }
            throw e;
          }
        });
  }

  private static String surfaceKey(String ws, long version, TileOptions o, Audience audience) {
    return "surface|" + ws + "|" + version + "|" + audience + "|" + o.normalisedSurface();
  }

  private static String tileKey(
      String ws, long version, TileCoord c, TileFormat f, TileOptions o, Audience a) {
    return "tile|"
        + ws
        + "|"
        + version
        + "|"
        + a
        + "|"
        + o.normalised()
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
    return GeoTiff.encode(
        new DensityGrid(g, southUp, se.tryggkarta.hotspot.kde.Kernel.QUARTIC, 1), MERCATOR);
  }

  private static final Crs MERCATOR = Crs.of(3857);

  private static String digest(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
