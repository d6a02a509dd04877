package se.tryggkarta.hotspot.index;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.PointRowSink;
import se.tryggkarta.workspace.Workspace;

/**
 * One layer of one workspace at one data version, held in memory as columns for the analyses'
 * filters: about 17 bytes an event instead of a few hundred for a record object.
 *
 * <ul>
 *   <li>Position in the workspace's CRS as two int columns of whole centimetres from an origin (the
 *       first event's kilometre), so a coordinate is within {@value #HALF_RESOLUTION_METERS} m of
 *       the stored point's projection.
 *   <li>Time as int minutes since 1970 plus a 16-bit millisecond of the minute, the rows sorted by
 *       time, so a period is one contiguous range of rows found by binary search. Times are kept to
 *       the millisecond (the GeoPackage store's precision; PostGIS keeps microseconds, floored
 *       here).
 *   <li>The local hour of the week (weekday · 24 + hour, Monday 00 = 0) in the workspace's time
 *       zone, one byte, so hour and weekday filters are one table lookup.
 *   <li>Category and weight as dictionary codes, one byte each while there are at most 256 distinct
 *       values.
 * </ul>
 *
 * Untimed layers (lamps) have no time columns: a period does not restrict them and an hour or
 * weekday filter selects none of them. Immutable; thread-safe. Built by {@link Builder}, usually
 * through {@link EventIndex}.
 */
public final class EventColumns {
  /** Coordinates are rounded to this many metres (1 cm). */
  public static final double RESOLUTION_METERS = 0.01;

  /** The largest distance between a kept coordinate and the projected one. */
  public static final double HALF_RESOLUTION_METERS = RESOLUTION_METERS / 2;

  static final int HOURS_OF_WEEK = 7 * 24;
  private static final long MILLIS_PER_MINUTE = 60_000L;
  private static final long MILLIS_PER_HOUR = 3_600_000L;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Bytes of an array's header on a 64-bit JVM with compressed pointers. */
  private static final long ARRAY_HEADER_BYTES = 16;

  /** Bytes of this object and its fixed fields. */
  private static final long OBJECT_BYTES = 128;

  private final String workspaceId;
  private final Layer layer;
  private final long dataVersion;
  private final Crs crs;
  private final ZoneId zone;
  private final int size;
  private final double originX;
  private final double originY;
  private final int[] xCm;
  private final int[] yCm;
  private final boolean timed;
  private final int[] minute;
  private final char[] milliOfMinute;
  private final byte[] hourOfWeek;
  private final String[] categoryNames;
  private final Map<String, Integer> categoryCodes;
  private final SmallCodes category;
  private final double[] weightValues;
  private final SmallCodes weight;
  private final long bytes;

  private EventColumns(Builder b, long dataVersion, int[] order) {
    this.workspaceId = b.workspaceId;
    this.layer = b.layer;
    this.dataVersion = dataVersion;
    this.crs = b.crs;
    this.zone = b.zone;
    this.size = b.size;
    this.originX = b.originX;
    this.originY = b.originY;
    this.timed = b.layer.isTimedPoints();
    int n = size;
    this.xCm = permute(b.xCm, order, n);
    this.yCm = permute(b.yCm, order, n);
    int[] categoryCode = permute(b.categoryCode, order, n);
    int[] weightCode = permute(b.weightCode, order, n);
    if (timed) {
      this.minute = new int[n];
      this.milliOfMinute = new char[n];
      this.hourOfWeek = new byte[n];
      fillTimes(b.epochMillis, order, b.zone);
    } else {
      this.minute = null;
      this.milliOfMinute = null;
      this.hourOfWeek = null;
    }
    this.categoryNames = b.categoryNames.toArray(new String[0]);
    this.categoryCodes = Map.copyOf(b.categoryCodes);
    this.category = SmallCodes.of(categoryCode, n, categoryNames.length);
    this.weightValues = Arrays.copyOf(b.weightValues, b.weightCount);
    this.weight = SmallCodes.of(weightCode, n, weightValues.length);
    long strings = 0;
    for (String s : categoryNames) {
      strings += 56 + 2L * s.length(); // String, its array, and the dictionary map's entry
    }
    this.bytes =
        OBJECT_BYTES
            + arrayBytes(xCm.length, 4)
            + arrayBytes(yCm.length, 4)
            + (timed ? arrayBytes(n, 4) + arrayBytes(n, 2) + arrayBytes(n, 1) : 0)
            + category.bytes()
            + weight.bytes()
            + arrayBytes(weightValues.length, 8)
            + arrayBytes(categoryNames.length, 4)
            + strings;
  }

  private static int[] permute(int[] column, int[] order, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = column[order[i]];
    }
    return out;
  }

  /**
   * Splits the sorted times into minute and millisecond and derives the local hour of the week,
   * asking the zone's rules only when a time passes the next offset transition (the rows are in
   * time order, so that is a few times a year of data).
   */
  private void fillTimes(long[] epochMillis, int[] order, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    long offsetValidUntil = Long.MIN_VALUE;
    long offsetMillis = 0;
    for (int i = 0; i < size; i++) {
      long t = epochMillis[order[i]];
      minute[i] = Math.toIntExact(Math.floorDiv(t, MILLIS_PER_MINUTE));
      milliOfMinute[i] = (char) Math.floorMod(t, MILLIS_PER_MINUTE);
      if (t >= offsetValidUntil) {
        Instant at = Instant.ofEpochMilli(t);
        offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
        ZoneOffsetTransition next = rules.nextTransition(at);
        offsetValidUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000;
      }
      long local = t + offsetMillis;
      long day = Math.floorDiv(local, MILLIS_PER_DAY);
      int hour = (int) (Math.floorMod(local, MILLIS_PER_DAY) / MILLIS_PER_HOUR);
      int weekday = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; Monday = 0
      hourOfWeek[i] = (byte) (weekday * 24 + hour);
    }
  }

  static long arrayBytes(long length, int elementBytes) {
    return ARRAY_HEADER_BYTES + ((length * elementBytes + 7) & ~7L);
  }

  /** Starts columns for one layer of one workspace, in the workspace's CRS and time zone. */
  public static Builder builder(Workspace workspace, Layer layer) {
    return new Builder(workspace.id(), layer, workspace.crs(), workspace.timeZone());
  }

  public String workspaceId() {
    return workspaceId;
  }

  public Layer layer() {
    return layer;
  }

  /** The store's data version these columns hold the layer at. */
  public long dataVersion() {
    return dataVersion;
  }

  /** The CRS the coordinates are in (the workspace's). */
  public Crs crs() {
    return crs;
  }

  /** The zone local hours and weekdays are taken in (the workspace's). */
  public ZoneId zone() {
    return zone;
  }

  /** How many events. */
  public int size() {
    return size;
  }

  /** An estimate of the heap these columns take, in bytes (arrays, dictionaries, this object). */
  public long bytes() {
    return bytes;
  }

  /** The categories present, in the order first met. */
  public List<String> categories() {
    return List.of(categoryNames);
  }

  /** The earliest event's time; empty for an empty or untimed layer. */
  public Optional<Instant> earliest() {
    return timed && size > 0 ? Optional.of(Instant.ofEpochMilli(epochMillis(0))) : Optional.empty();
  }

  /** The latest event's time; empty for an empty or untimed layer. */
  public Optional<Instant> latest() {
    return timed && size > 0
        ? Optional.of(Instant.ofEpochMilli(epochMillis(size - 1)))
        : Optional.empty();
  }

  /**
   * The events the query selects, in time order: a binary search for the period, then one pass over
   * that range testing category, local hour of the week and box. Never throws for an empty result;
   * an untimed layer with an hour or weekday filter selects nothing.
   */
  public EventSelection select(EventQuery q) {
    int lo = 0;
    int hi = size;
    boolean[] hourOk = null;
    if (timed) {
      if (q.period().from().isPresent()) {
        lo = firstAtOrAfter(ceilMillis(q.period().from().get()));
      }
      if (q.period().to().isPresent()) {
        hi = firstAtOrAfter(ceilMillis(q.period().to().get()));
      }
      hourOk = hoursOfWeek(q);
    } else if (!q.localHours().isEmpty() || !q.weekdays().isEmpty()) {
      return new EventSelection(this, new int[0], 0, q);
    }
    boolean[] categoryOk = null;
    if (!q.categories().isEmpty()) {
      categoryOk = new boolean[categoryNames.length];
      for (String c : q.categories()) {
        Integer code = categoryCodes.get(c);
        if (code != null) {
          categoryOk[code] = true;
        }
      }
    }
    int minX = Integer.MIN_VALUE;
    int maxX = Integer.MAX_VALUE;
    int minY = Integer.MIN_VALUE;
    int maxY = Integer.MAX_VALUE;
    if (q.bboxXY().isPresent()) {
      Bbox b = q.bboxXY().get();
      minX = centimetresAtLeast(b.minX(), originX);
      maxX = centimetresAtMost(b.maxX(), originX);
      minY = centimetresAtLeast(b.minY(), originY);
      maxY = centimetresAtMost(b.maxY(), originY);
    }
    int[] rows = new int[Math.max(0, hi - lo)];
    int k = 0;
    for (int i = lo; i < hi; i++) {
      if (categoryOk != null && !categoryOk[category.get(i)]) {
        continue;
      }
      if (hourOk != null && !hourOk[hourOfWeek[i] & 0xff]) {
        continue;
      }
      int x = xCm[i];
      int y = yCm[i];
      if (x < minX || x > maxX || y < minY || y > maxY) {
        continue;
      }
      rows[k++] = i;
    }
    return new EventSelection(this, rows, k, q);
  }

  /** Which hours of the week pass the query, or null when every hour does. */
  private static boolean[] hoursOfWeek(EventQuery q) {
    if (q.localHours().isEmpty() && q.weekdays().isEmpty()) {
      return null;
    }
    boolean[] ok = new boolean[HOURS_OF_WEEK];
    for (DayOfWeek d : DayOfWeek.values()) {
      if (!q.weekdays().isEmpty() && !q.weekdays().contains(d)) {
        continue;
      }
      for (int h = 0; h < 24; h++) {
        if (q.localHours().isEmpty() || q.localHours().contains(h)) {
          ok[d.ordinal() * 24 + h] = true;
        }
      }
    }
    return ok;
  }

  /** The first row whose time is at or after {@code millis} (size when none). */
  private int firstAtOrAfter(long millis) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (epochMillis(mid) < millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The smallest whole millisecond at or after the instant. */
  private static long ceilMillis(Instant t) {
    long floor = t.toEpochMilli();
    return t.getNano() % 1_000_000 == 0 ? floor : floor + 1;
  }

  private static int centimetresAtLeast(double v, double origin) {
    return clampToInt(Math.ceil((v - origin) / RESOLUTION_METERS - 1e-9));
  }

  private static int centimetresAtMost(double v, double origin) {
    return clampToInt(Math.floor((v - origin) / RESOLUTION_METERS + 1e-9));
  }

  private static int clampToInt(double v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  // ---- what a selection reads ----

  double x(int row) {
    return originX + xCm[row] * RESOLUTION_METERS;
  }

  double y(int row) {
    return originY + yCm[row] * RESOLUTION_METERS;
  }

  boolean timed() {
    return timed;
  }

  /** The row's time in milliseconds since 1970; only for timed layers. */
  long epochMillis(int row) {
    return minute[row] * MILLIS_PER_MINUTE + milliOfMinute[row];
  }

  /** The stored weight. */
  double weight(int row) {
    return weightValues[weight.get(row)];
  }

  int categoryCode(int row) {
    return category.get(row);
  }

  String categoryName(int code) {
    return categoryNames[code];
  }

  int categoryCount() {
    return categoryNames.length;
  }

  /** The local weekday·24 + hour of the row (timed layers only). */
  int hourOfWeek(int row) {
    return hourOfWeek[row] & 0xff;
  }

  /**
   * Collects one layer's rows (as a {@link PointRowSink}, so a store's {@code scanPoints} fills it
   * directly) and builds the columns: projects each WGS84 point to the workspace's CRS as it
   * arrives, codes categories and weights, then sorts by time. Transient memory while building:
   * about 24 bytes a row plus the finished columns. Not thread-safe: one scan, one builder.
   */
  public static final class Builder implements PointRowSink {
    private final String workspaceId;
    private final Layer layer;
    private final Crs crs;
    private final ZoneId zone;
    private int size;
    private double originX = Double.NaN;
    private double originY = Double.NaN;
    private int[] xCm = new int[1024];
    private int[] yCm = new int[1024];
    private long[] epochMillis = new long[1024];
    private int[] categoryCode = new int[1024];
    private int[] weightCode = new int[1024];
    private final List<String> categoryNames = new java.util.ArrayList<>();
    private final Map<String, Integer> categoryCodes = new HashMap<>();
    private double[] weightValues = new double[16];
    private int weightCount;
    private final Map<Long, Integer> weightCodes = new HashMap<>();
    private String lastCategory;
    private int lastCategoryCode;
    private long lastWeightBits = Long.MIN_VALUE;
    private int lastWeightCode;
    private static final int CHUNK = 4096;
    private final double[] chunkLon = new double[CHUNK];
    private final double[] chunkLat = new double[CHUNK];
    private final double[] chunkX = new double[CHUNK];
    private final double[] chunkY = new double[CHUNK];
    private int chunk;

    private Builder(String workspaceId, Layer layer, Crs crs, ZoneId zone) {
      if (!(layer.isTimedPoints() || layer == Layer.LAMPS)) {
        throw DomainException.invalid(
            "layer",
            "the event index holds point layers (incidents, unsafe-places, lamps), not "
                + layer.slug());
      }
      this.workspaceId = workspaceId;
      this.layer = layer;
      this.crs = Objects.requireNonNull(crs, "crs");
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public void accept(double lon, double lat, long epochMillis, String category, double weight) {
      if (size == xCm.length) {
        grow();
      }
      if (layer.isTimedPoints() && epochMillis == NO_TIME) {
        throw new IllegalStateException("a " + layer.slug() + " row without a time");
      }
      chunkLon[chunk] = lon;
      chunkLat[chunk] = lat;
      chunk++;
      this.epochMillis[size] = epochMillis;
      categoryCode[size] = categoryCode(category);
      weightCode[size] = weightCode(weight);
      size++;
      if (chunk == CHUNK) {
        project();
      }
    }

    /**
     * Projects the buffered chunk to the workspace's CRS (one batch call instead of objects per
     * point) and stores it as centimetres from the origin, the first point's kilometre.
     */
    private void project() {
      crs.toXY(chunkLon, chunkLat, chunkX, chunkY, chunk);
      if (Double.isNaN(originX) && chunk > 0) {
        originX = Math.floor(chunkX[0] / 1000) * 1000;
        originY = Math.floor(chunkY[0] / 1000) * 1000;
      }
      int first = size - chunk; // the chunk holds the last rows accepted
      for (int i = 0; i < chunk; i++) {
        xCm[first + i] = centimetres(chunkX[i], originX);
        yCm[first + i] = centimetres(chunkY[i], originY);
      }
      chunk = 0;
    }

    private static int centimetres(double v, double origin) {
      double cm = Math.rint((v - origin) / RESOLUTION_METERS);
      if (!(cm >= Integer.MIN_VALUE && cm <= Integer.MAX_VALUE)) {
        throw new IllegalStateException(
            "a point " + v + " m lies more than 21 000 km from the layer's first point");
      }
      return (int) cm;
    }

    private int categoryCode(String category) {
      if (category.equals(lastCategory)) {
        return lastCategoryCode;
      }
      Integer code = categoryCodes.get(category);
      if (code == null) {
        code = categoryNames.size();
        categoryNames.add(category);
        categoryCodes.put(category, code);
      }
      lastCategory = category;
      lastCategoryCode = code;
      return code;
    }

    private int weightCode(double weight) {
      long bits = Double.doubleToLongBits(weight);
      if (bits == lastWeightBits) {
        return lastWeightCode;
      }
      Integer code = weightCodes.get(bits);
      if (code == null) {
        code = weightCount;
        if (weightCount == weightValues.length) {
          weightValues = Arrays.copyOf(weightValues, weightCount * 2);
        }
        weightValues[weightCount++] = weight;
        weightCodes.put(bits, code);
      }
      lastWeightBits = bits;
      lastWeightCode = code;
      return code;
    }

    private void grow() {
      int capacity = Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
      xCm = Arrays.copyOf(xCm, capacity);
      yCm = Arrays.copyOf(yCm, capacity);
      epochMillis = Arrays.copyOf(epochMillis, capacity);
      categoryCode = Arrays.copyOf(categoryCode, capacity);
      weightCode = Arrays.copyOf(weightCode, capacity);
    }

    /** The finished columns, sorted by time, labelled with the data version they were read at. */
    public EventColumns build(long dataVersion) {
      project();
      if (Double.isNaN(originX)) {
        originX = 0;
        originY = 0;
      }
      int[] order;
      if (layer.isTimedPoints()) {
        order = TimeOrder.permutation(epochMillis, size);
      } else {
        order = new int[size];
        for (int i = 0; i < size; i++) {
          order[i] = i;
        }
      }
      return new EventColumns(this, dataVersion, order);
    }
  }
}
