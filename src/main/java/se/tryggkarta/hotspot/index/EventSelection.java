package se.tryggkarta.hotspot.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import se.tryggkarta.hotspot.grid.GridSpec;
import se.tryggkarta.hotspot.grid.PointSet;

/**
 * The events one {@link EventQuery} selects from one {@link EventColumns}, in time order, with each
 * event's analysis weight:
 *
 * <pre>  w_i = stored weight_i · categoryWeight(category_i) · 2^(−age_i / halfLife)</pre>
 *
 * where the decay applies only when the query has a half-life and the layer is timed, and age_i is
 * the reference time (the period's end, else the newest selected event) minus the event's time in
 * whole seconds, never negative. Immutable; thread-safe.
 */
public final class EventSelection {
  private final EventColumns columns;
  private final int[] rows;
  private final int size;
  private final double[] categoryFactor;
  private final boolean decay;
  private final long referenceSecond;
  private final double halfLifeSeconds;

  EventSelection(EventColumns columns, int[] rows, int size, EventQuery q) {
    this.columns = columns;
    this.rows = rows;
    this.size = size;
    this.categoryFactor = new double[columns.categoryCount()];
    for (int c = 0; c < categoryFactor.length; c++) {
      categoryFactor[c] = q.categoryWeights().getOrDefault(columns.categoryName(c), 1.0);
    }
    this.decay = q.halfLife().isPresent() && columns.timed() && size > 0;
    if (decay) {
      this.referenceSecond =
          q.period()
              .to()
              .map(Instant::getEpochSecond)
              .orElseGet(() -> Math.floorDiv(columns.epochMillis(rows[size - 1]), 1000L));
      Duration h = q.halfLife().get();
      this.halfLifeSeconds = h.getSeconds() + h.getNano() / 1e9;
    } else {
      this.referenceSecond = 0;
      this.halfLifeSeconds = 1;
    }
  }

  /** How many events. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The columns selected from (their data version, CRS and zone). */
  public EventColumns columns() {
    return columns;
  }

  /** The i-th selected event's x in the workspace's CRS (metres). */
  public double x(int i) {
    return columns.x(rows[i]);
  }

  /** The i-th selected event's y in the workspace's CRS (metres). */
  public double y(int i) {
    return columns.y(rows[i]);
  }

  /** The i-th selected event's time; empty for an untimed layer. */
  public Optional<Instant> time(int i) {
    return columns.timed()
        ? Optional.of(Instant.ofEpochMilli(columns.epochMillis(rows[i])))
        : Optional.empty();
  }

  /** The i-th selected event's category (lower case; a lamp's status). */
  public String category(int i) {
    return columns.categoryName(columns.categoryCode(rows[i]));
  }

  /** The i-th selected event's analysis weight (see the class comment). */
  public double weight(int i) {
    int row = rows[i];
    double w = columns.weight(row) * categoryFactor[columns.categoryCode(row)];
    if (decay) {
      long second = Math.floorDiv(columns.epochMillis(row), 1000L);
      double age = Math.max(0, referenceSecond - second);
      w *= Math.pow(2, -age / halfLifeSeconds);
    }
    return w;
  }

  /** Σ analysis weights. */
  public double totalWeight() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += weight(i);
    }
    return s;
  }

  /** The selected events with their analysis weights, for the hotspot core. */
  public PointSet points() {
    double[] x = new double[size];
    double[] y = new double[size];
    double[] w = new double[size];
    for (int i = 0; i < size; i++) {
      int row = rows[i];
      x[i] = columns.x(row);
      y[i] = columns.y(row);
      w[i] = weight(i);
    }
    return PointSet.of(x, y, w);
  }

  /** The selected events, each weighing 1 (for counting events rather than weight). */
  public PointSet counted() {
    double[] x = new double[size];
    double[] y = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = columns.x(rows[i]);
      y[i] = columns.y(rows[i]);
    }
    return PointSet.unweighted(x, y);
  }

  /**
   * The analysis weight in each cell of the grid (simple binning: an event counts in the cell whose
   * square holds it, as {@link GridSpec#indexOf} decides; events outside the grid are left out),
   * indexed {@code iy·nx + ix}.
   */
  public double[] binWeights(GridSpec grid) {
    double[] cells = new double[grid.cellCount()];
    addWeights(grid, cells);
    return cells;
  }

  /**
   * Adds the analysis weight of each selected event to its cell of {@code cells} (binned as {@link
   * #binWeights}), so several layers or workspaces can be summed into one grid without a grid each.
   *
   * @param cells the grid's cells, {@code iy·nx + ix}; at least {@code grid.cellCount()} long
   */
  public void addWeights(GridSpec grid, double[] cells) {
    if (cells.length < grid.cellCount()) {
      throw new IllegalArgumentException(
          "cells has " + cells.length + " entries, the grid " + grid.cellCount());
    }
    for (int i = 0; i < size; i++) {
      int row = rows[i];
      int cell = grid.indexOf(columns.x(row), columns.y(row));
      if (cell >= 0) {
        cells[cell] += weight(i);
      }
    }
  }

  /** The number of events in each cell of the grid, binned as {@link #binWeights}. */
  public int[] binCounts(GridSpec grid) {
    int[] cells = new int[grid.cellCount()];
    for (int i = 0; i < size; i++) {
      int row = rows[i];
      int cell = grid.indexOf(columns.x(row), columns.y(row));
      if (cell >= 0) {
        cells[cell]++;
      }
    }
    return cells;
  }
}
