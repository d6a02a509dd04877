package se.tryggkarta.store.geopackage;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Builds an SQLite R-tree (the GeoPackage spatial index, {@code rtree_<table>_geom}) in one pass
 * instead of one insertion per feature: the entries are sorted along a Hilbert curve of their
 * centres and packed bottom-up into full nodes (the "Hilbert packed R-tree" of Kamel & Faloutsos
 * 1993, "On packing R-trees", CIKM), and the nodes are written straight into the R-tree's shadow
 * tables. An R-tree insertion costs SQLite tens of microseconds (choose-subtree, splits, reinserts,
 * rewriting nodes); packing a million entries costs about a second in all.
 *
 * <p>The shadow tables' format is SQLite's own (ext/rtree/rtree.c, its header comment): {@code
 * <name>_node(nodeno, data)} holds each node as a blob of the tree's fixed node size, a 16-bit
 * depth (root only; the number of levels below it), a 16-bit cell count and the cells, each a
 * 64-bit id (the feature's rowid in a leaf, the child's node number above) and minx, maxx, miny,
 * maxy as 32-bit floats, all big-endian; the root is node 1; {@code <name>_rowid(rowid, nodeno)}
 * names each feature's leaf and {@code <name>_parent(nodeno, parentnode)} each other node's parent.
 * The node size is read from the existing root. Coordinates are rounded outward to floats (min
 * down, max up), so a box never shrinks. SQLite's {@code rtreecheck()} accepts the result (tested).
 * Not thread-safe; runs inside the caller's transaction.
 */
final class RtreeBulkLoad {
  private static final int CELL_BYTES = 8 + 4 * 4;
  private static final int HILBERT_BITS = 16;

  private RtreeBulkLoad() {}

  /** Feature boxes, as floats already rounded outward, with their feature ids. */
  static final class Entries {
    long[] ids;
    float[] minX;
    float[] maxX;
    float[] minY;
    float[] maxY;
    int size;

    Entries(int capacity) {
      int c = Math.max(16, capacity);
      ids = new long[c];
      minX = new float[c];
      maxX = new float[c];
      minY = new float[c];
      maxY = new float[c];
    }

    void add(long id, double x0, double x1, double y0, double y1) {
      if (size == ids.length) {
        int c = (int) Math.min(Integer.MAX_VALUE - 8, size * 2L);
        ids = Arrays.copyOf(ids, c);
        minX = Arrays.copyOf(minX, c);
        maxX = Arrays.copyOf(maxX, c);
        minY = Arrays.copyOf(minY, c);
        maxY = Arrays.copyOf(maxY, c);
      }
      ids[size] = id;
      minX[size] = down(x0);
      maxX[size] = up(x1);
      minY[size] = down(y0);
      maxY[size] = up(y1);
      size++;
    }

    /** Reads every entry of an existing R-tree (its floats come back exactly). */
    static Entries readAll(Connection c, String rtree, int capacityHint) throws SQLException {
      Entries e = new Entries(capacityHint);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, minx, maxx, miny, maxy FROM " + rtree)) {
        while (rs.next()) {
          e.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        }
      }
      return e;
    }
  }

  /** The largest float not above v. */
  static float down(double v) {
    float f = (float) v;
    return f > v ? Math.nextDown(f) : f;
  }

  /** The smallest float not below v. */
  static float up(double v) {
    float f = (float) v;
    return f < v ? Math.nextUp(f) : f;
  }

  /** Replaces the R-tree's whole content by the entries. */
  static void replaceAll(Connection c, String rtree, Entries e) throws SQLException {
    int nodeSize;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT length(data) FROM " + rtree + "_node WHERE nodeno = 1")) {
      if (!rs.next()) {
        throw new SQLException("R-tree " + rtree + " has no root node");
      }
      nodeSize = rs.getInt(1);
    }
    int fanout = (nodeSize - 4) / CELL_BYTES;
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM " + rtree + "_node");
      s.execute("DELETE FROM " + rtree + "_rowid");
      s.execute("DELETE FROM " + rtree + "_parent");
    }
    int[] order = hilbertOrder(e);
    try (PreparedStatement node =
            c.prepareStatement("INSERT INTO " + rtree + "_node (nodeno, data) VALUES (?, ?)");
        PreparedStatement rowid =
            c.prepareStatement("INSERT INTO " + rtree + "_rowid (rowid, nodeno) VALUES (?, ?)");
        PreparedStatement parent =
            c.prepareStatement(
                "INSERT INTO " + rtree + "_parent (nodeno, parentnode) VALUES (?, ?)")) {
      new Packer(e, order, fanout, nodeSize, node, rowid, parent).run();
    }
  }

  /**
   * Inserts the entries into an existing R-tree one by one through the virtual table, in Hilbert
   * order (neighbours land in the same nodes): for a few entries next to a large tree, where
   * rebuilding all of it would cost more.
   */
  static void insert(Connection c, String rtree, Entries e) throws SQLException {
    int[] order = hilbertOrder(e);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + rtree + " (id, minx, maxx, miny, maxy) VALUES (?,?,?,?,?)")) {
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        ps.setLong(1, e.ids[i]);
        ps.setDouble(2, e.minX[i]);
        ps.setDouble(3, e.maxX[i]);
        ps.setDouble(4, e.minY[i]);
        ps.setDouble(5, e.maxY[i]);
        ps.addBatch();
        if (k % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** The entries' indices sorted by the Hilbert index of their centres on a 2¹⁶ grid. */
  private static int[] hilbertOrder(Entries e) {
    int n = e.size;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x0 = Math.min(x0, e.minX[i]);
      x1 = Math.max(x1, e.maxX[i]);
      y0 = Math.min(y0, e.minY[i]);
      y1 = Math.max(y1, e.maxY[i]);
    }
    int cells = (1 << HILBERT_BITS) - 1;
    double sx = x1 > x0 ? cells / (x1 - x0) : 0;
    double sy = y1 > y0 ? cells / (y1 - y0) : 0;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int hx = (int) (((e.minX[i] + (double) e.maxX[i]) / 2 - x0) * sx);
      int hy = (int) (((e.minY[i] + (double) e.maxY[i]) / 2 - y0) * sy);
      keys[i] = (hilbert(hx, hy) << 31) | i; // n < 2³¹; the Hilbert index has 32 bits
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & 0x7fff_ffffL);
    }
    return order;
  }

  /**
   * The distance along the Hilbert curve of the cell (x, y) on a 2¹⁶ × 2¹⁶ grid (the iterative
   * rotate-and-flip form of the curve's definition, Hilbert 1891).
   */
  static long hilbert(int x, int y) {
    long d = 0;
    for (int s = 1 << (HILBERT_BITS - 1); s > 0; s >>= 1) {
      int rx = (x & s) != 0 ? 1 : 0;
      int ry = (y & s) != 0 ? 1 : 0;
      d += (long) s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  /** Packs one level after another, writing nodes as it goes; the root becomes node 1. */
  private static final class Packer {
    /** One level's cells in packing order: cell k is row {@code index[k]} of the arrays. */
    private record Level(
        long[] ids, float[] minX, float[] maxX, float[] minY, float[] maxY, int[] index, int size) {
      int at(int k) {
        return index == null ? k : index[k];
      }
    }

    private final Entries e;
    private final int[] order;
    private final int fanout;
    private final int nodeSize;
    private final PreparedStatement node;
    private final PreparedStatement rowid;
    private final PreparedStatement parent;
    private final int[] leafOf;
    private int nextNode = 2;
    private int pending;

    Packer(
        Entries e,
        int[] order,
        int fanout,
        int nodeSize,
        PreparedStatement node,
        PreparedStatement rowid,
        PreparedStatement parent) {
      this.e = e;
      this.order = order;
      this.fanout = fanout;
      this.nodeSize = nodeSize;
      this.node = node;
      this.rowid = rowid;
      this.parent = parent;
      this.leafOf = new int[e.size];
    }

    void run() throws SQLException {
      Level level = new Level(e.ids, e.minX, e.maxX, e.minY, e.maxY, order, e.size);
      boolean leaf = true;
      int depth = 0;
      while (level.size() > fanout) {
        int n = level.size();
        int nodes = (n + fanout - 1) / fanout;
        Level up =
            new Level(
                new long[nodes],
                new float[nodes],
                new float[nodes],
                new float[nodes],
                new float[nodes],
                null,
                nodes);
        for (int j = 0; j < nodes; j++) {
          int from = j * fanout;
          int to = Math.min(n, from + fanout);
          int no = nextNode++;
          write(no, 0, level, from, to);
          link(no, level, from, to, leaf);
          up.ids()[j] = no;
          float x0 = Float.POSITIVE_INFINITY;
          float x1 = Float.NEGATIVE_INFINITY;
          float y0 = Float.POSITIVE_INFINITY;
          float y1 = Float.NEGATIVE_INFINITY;
          for (int k = from; k < to; k++) {
            int i = level.at(k);
            x0 = Math.min(x0, level.minX()[i]);
            x1 = Math.max(x1, level.maxX()[i]);
            y0 = Math.min(y0, level.minY()[i]);
            y1 = Math.max(y1, level.maxY()[i]);
          }
          up.minX()[j] = x0;
          up.maxX()[j] = x1;
          up.minY()[j] = y0;
          up.maxY()[j] = y1;
        }
        level = up;
        leaf = false;
        depth++;
      }
      write(1, depth, level, 0, level.size());
      link(1, level, 0, level.size(), leaf);
      flush();
      writeRowids();
    }

    /**
     * Records where the cells [from, to) of node {@code no} live: a leaf's features are noted and
     * written at the end in rowid order (the rowid table is a B-tree on the rowid, which the
     * Hilbert order scatters), other nodes' parents at once (their numbers ascend already).
     */
    private void link(int no, Level level, int from, int to, boolean leaf) throws SQLException {
      if (leaf) {
        for (int k = from; k < to; k++) {
          leafOf[level.at(k)] = no;
        }
        return;
      }
      for (int k = from; k < to; k++) {
        parent.setLong(1, level.ids()[level.at(k)]);
        parent.setLong(2, no);
        parent.addBatch();
      }
      if (++pending >= 256) {
        flush();
      }
    }

    private void write(int no, int depth, Level level, int from, int to) throws SQLException {
      ByteBuffer b = ByteBuffer.allocate(nodeSize); // big-endian; the unused tail stays zero
      b.putShort((short) depth).putShort((short) (to - from));
      for (int k = from; k < to; k++) {
        int i = level.at(k);
        b.putLong(level.ids()[i]);
        b.putFloat(level.minX()[i]).putFloat(level.maxX()[i]);
        b.putFloat(level.minY()[i]).putFloat(level.maxY()[i]);
      }
      node.setLong(1, no);
      node.setBytes(2, b.array());
      node.addBatch();
    }

    /** Every feature's leaf, in rowid order (sorted first unless the ids ascend already). */
    private void writeRowids() throws SQLException {
      int n = e.size;
      int[] byId = null;
      for (int i = 1; i < n && byId == null; i++) {
        if (e.ids[i] < e.ids[i - 1]) {
          byId = sortedById();
        }
      }
      for (int j = 0; j < n; j++) {
        int i = byId == null ? j : byId[j];
        rowid.setLong(1, e.ids[i]);
        rowid.setLong(2, leafOf[i]);
        rowid.addBatch();
        if (j % 10_000 == 9_999) {
          rowid.executeBatch();
        }
      }
      rowid.executeBatch();
    }

    private int[] sortedById() {
      int n = e.size;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, e.ids[i]);
        max = Math.max(max, e.ids[i]);
      }
      int[] byId = new int[n];
      if (max - min >= 0 && max - min < (1L << 32)) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
          keys[i] = ((e.ids[i] - min) << 31) | i;
        }
        Arrays.sort(keys);
        for (int j = 0; j < n; j++) {
          byId[j] = (int) (keys[j] & 0x7fff_ffffL);
        }
        return byId;
      }
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> Long.compare(e.ids[a], e.ids[b]));
      for (int j = 0; j < n; j++) {
        byId[j] = boxed[j];
      }
      return byId;
    }

    private void flush() throws SQLException {
      node.executeBatch();
      parent.executeBatch();
      pending = 0;
    }
  }
}
