package se.tryggkarta.release;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.layer.Layer;

/**
 * A layer's events binned by month, slice (day or night), category group and public cell: the exact
 * counts that the monthly protected tables add noise to. Build with {@link #add}, then read digests
 * and protected sums. Cells are identified by their absolute indices ⌊x / cell⌋, ⌊y / cell⌋ in the
 * workspace's CRS, so a cell's noise does not depend on the grid's extent. Not thread-safe while
 * adding; the results are immutable.
 */
final class MonthlyTables {
  static final int DAY = 0;

  static final int NIGHT = 1;

  private final Layer layer;
  private final GridSpec grid;
  private final long ix0;
  private final long iy0;
  private final List<YearMonth> months;
  private final List<String> groupIds;
  private final Map<String, Integer> groupOfCategory;
  private final int otherGroup;
  private final HourWindow night;
  private final ZoneId zone;
  private final CellNoise noise;

  /** [month][slice][group] → cell index → {count, key sum}. */
  private final List<Map<Integer, long[]>> cells = new ArrayList<>();

  /**
   * @param grid the public cells; its origin must lie on the cell lattice (minX, minY multiples of
   *     the cell size)
   * @param groups the layer's published groups; an event in none counts in {@value
   *     CategoryGroup#OTHER} (or, with no groups at all, in {@value CategoryGroup#ALL})
   */
  MonthlyTables(
      Layer layer,
      GridSpec grid,
      List<YearMonth> months,
      List<CategoryGroup> groups,
      HourWindow night,
      ZoneId zone,
      CellNoise noise) {
    this.layer = layer;
    this.grid = grid;
    this.ix0 = Math.round(grid.minX() / grid.cellSizeMeters());
    this.iy0 = Math.round(grid.minY() / grid.cellSizeMeters());
    this.months = List.copyOf(months);
    List<String> ids = new ArrayList<>();
    Map<String, Integer> byCategory = new HashMap<>();
    for (CategoryGroup g : groups) {
      for (String c : g.categories()) {
        byCategory.put(c, ids.size());
      }
      ids.add(g.id());
    }
    this.otherGroup = ids.size();
    ids.add(groups.isEmpty() ? CategoryGroup.ALL : CategoryGroup.OTHER);
    this.groupIds = List.copyOf(ids);
    this.groupOfCategory = byCategory;
    this.night = night;
    this.zone = zone;
    this.noise = noise;
    for (int i = 0; i < months.size() * 2 * groupIds.size(); i++) {
      cells.add(new HashMap<>());
    }
  }

  /** The table ids of this layer's groups: own groups then "ovrigt", or only "alla". */
  List<String> groupIds() {
    return groupIds;
  }

  /**
   * Counts one event. Events outside the grid or the months are not released and are ignored.
   *
   * @param category the event's category (lower case), empty when it has none
   */
  void add(double x, double y, Instant time, Optional<String> category) {
    ZonedDateTime local = time.atZone(zone);
    int m = months.indexOf(YearMonth.from(local));
    if (m < 0) {
      return;
    }
    long ax = (long) Math.floor(x / grid.cellSizeMeters());
    long ay = (long) Math.floor(y / grid.cellSizeMeters());
    long ix = ax - ix0;
    long iy = ay - iy0;
    if (ix < 0 || iy < 0 || ix >= grid.nx() || iy >= grid.ny()) {
      return;
    }
    int slice = night.contains(local.getHour()) ? NIGHT : DAY;
    int group = category.map(c -> groupOfCategory.getOrDefault(c, otherGroup)).orElse(otherGroup);
    long[] cell =
        cells
            .get(table(m, slice, group))
            .computeIfAbsent((int) (iy * grid.nx() + ix), c -> new long[1]);
    cell[0]++;
  }

  private int table(int month, int slice, int group) {
    return (month * 2 + slice) * groupIds.size() + group;
  }

  /**
   * The month's digest: what a published version of its table is identified by (the settings'
   * fingerprint and every occupied cell's exact count, by slice and group). Equal digests mean
   * equal exact tables, hence identical protected tables; any change of a count draws afresh.
   */
  String digest(int month, String settingsFingerprint) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(settingsFingerprint.getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.allocate(24);
      for (int s = 0; s < 2; s++) {
        for (int g = 0; g < groupIds.size(); g++) {
          d.update(groupIds.get(g).getBytes(StandardCharsets.UTF_8));
          for (var e : new TreeMap<>(cells.get(table(month, s, g))).entrySet()) {
            b.clear();
            b.putInt(s).putInt(g).putLong(e.getKey()).putLong(e.getValue()[0]);
            d.update(b.array(), 0, 24);
          }
        }
      }
      return HexFormat.of().formatHex(d.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The noisy sums over the given months (indices into the months this was built with): for each
   * slice (day, night) and group, per cell, Σ (count + Z). Every month's table draws noise for
   * every cell, empty or not, keyed by that month's digest ({@link #digest}).
   */
  NoisySums sums(List<Integer> includedMonths, List<String> monthDigests) {
    int groups = groupIds.size();
    int n = grid.cellCount();
    int[][][] sums = new int[2][groups][n];
    int[] row = new int[grid.nx()];
    for (int m : includedMonths) {
      for (int s = 0; s < 2; s++) {
        for (int g = 0; g < groups; g++) {
          CellNoise.TableNoise tn =
              noise.table(layer, months.get(m), monthDigests.get(m), s, groupIds.get(g));
          int[] out = sums[s][g];
          for (int iy = 0; iy < grid.ny(); iy++) {
            tn.row(ix0, iy0 + iy, grid.nx(), row);
            int base = iy * grid.nx();
            for (int ix = 0; ix < grid.nx(); ix++) {
              out[base + ix] += row[ix];
            }
          }
          for (var e : cells.get(table(m, s, g)).entrySet()) {
            out[e.getKey()] += (int) e.getValue()[0];
          }
        }
      }
    }
    return new NoisySums(grid, groupIds, sums, includedMonths.size(), noise.epsilon());
  }

  /** Exact counts per month (for tests and the accuracy figures; never published). */
  long exactCount(int month) {
    long t = 0;
    for (int s = 0; s < 2; s++) {
      for (int g = 0; g < groupIds.size(); g++) {
        for (long[] c : cells.get(table(month, s, g)).values()) {
          t += c[0];
        }
      }
    }
    return t;
  }

  /** The noisy (unsuppressed) sums of a period, by slice and group. Immutable. */
  public static final class NoisySums {
    private final GridSpec grid;
    private final List<String> groupIds;
    private final int[][][] sums;
    private final int months;
    private final double epsilon;

    private NoisySums(
        GridSpec grid, List<String> groupIds, int[][][] sums, int months, double epsilon) {
      this.grid = grid;
      this.groupIds = groupIds;
      this.sums = sums;
      this.months = months;
      this.epsilon = epsilon;
    }

    List<String> groupIds() {
      return groupIds;
    }

    GridSpec grid() {
      return grid;
    }

    /**
     * The noisy sum (not suppressed) over the cells whose centres lie in the area (workspace CRS).
     */
    AreaSum sumIn(Slice slice, String groupId, org.locationtech.jts.geom.Geometry areaXY) {
      var loc = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(areaXY);
      var env = areaXY.getEnvelopeInternal();
      int total = 0;
      int tables = 0;
      for (int iy = 0; iy < grid.ny(); iy++) {
        double y = grid.centreY(iy);
        if (y < env.getMinY() || y > env.getMaxY()) {
          continue;
        }
        for (int ix = 0; ix < grid.nx(); ix++) {
          double x = grid.centreX(ix);
          if (x < env.getMinX()
              || x > env.getMaxX()
              || loc.locate(new org.locationtech.jts.geom.Coordinate(x, y))
                  == org.locationtech.jts.geom.Location.EXTERIOR) {
            continue;
          }
          int i = iy * grid.nx() + ix;
          for (int g = 0; g < groupIds.size(); g++) {
            if (!groupId.equals(CategoryGroup.ALL) && !groupIds.get(g).equals(groupId)) {
              continue;
            }
            for (int s = 0; s < 2; s++) {
              if (slice == Slice.NIGHT && s != NIGHT) {
                continue;
              }
              total += sums[s][g][i];
              tables++;
            }
          }
        }
      }
      return new AreaSum(total, tables);
    }

    /** A noisy sum over an area and how many cell tables (each one noise draw a month) it adds. */
    record AreaSum(int sum, int tables) {}

    /**
     * The noisy counts of a slice and group ({@value CategoryGroup#ALL} sums every group):
     * unbiased, unsuppressed, with the variance of each cell's noise (months × slices × groups
     * summed, times Var Z).
     */
    ProtectedCounts counts(Slice slice, String groupId) {
      int n = grid.cellCount();
      int[] v = new int[n];
      int tables = 0;
      for (int g = 0; g < groupIds.size(); g++) {
        if (!groupId.equals(CategoryGroup.ALL) && !groupIds.get(g).equals(groupId)) {
          continue;
        }
        for (int s = 0; s < 2; s++) {
          if (slice == Slice.NIGHT && s != NIGHT) {
            continue;
          }
          tables += months;
          int[] src = sums[s][g];
          for (int i = 0; i < n; i++) {
            v[i] += src[i];
          }
        }
      }
      return new ProtectedCounts(grid, v, tables, epsilon);
    }
  }
}
