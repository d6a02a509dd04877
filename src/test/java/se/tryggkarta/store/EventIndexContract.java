package se.tryggkarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.hotspot.index.EventColumns;
import se.tryggkarta.hotspot.index.EventIndex;
import se.tryggkarta.hotspot.index.EventOracle;
import se.tryggkarta.hotspot.index.EventOracle.Event;
import se.tryggkarta.hotspot.index.EventQuery;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Lamp;
import se.tryggkarta.layer.LampStatus;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.PointRowSink;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.workspace.Workspace;

/**
 * The event index on a real store, run against each store by a subclass: after imports, merges and
 * deletes the index serves exactly what the store holds (the oracle reads the same store through
 * the record path, {@link Store#scan}, and filters by brute force), a write through a second
 * instance of the store invalidates it at once, concurrent first requests share one read, and held
 * columns stay within the byte budget.
 */
public abstract class EventIndexContract {
  private static final Workspace KUNGALV = Workspace.of("kungalv", "Kungälv");
  private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 2 * 366 * 86_400L;
  private static final List<String> CATEGORIES =
      List.of("theft", "assault", "vandalism", "drugs", "burglary");
  private static final long BUDGET = 64L << 20;

  protected Store store;

  /** A new, empty store. */
  protected abstract Store newStore();

  /** A second instance of the store on the same data (another file handle, another pool). */
  protected abstract Store sameDataAs(Store first);

  @BeforeEach
  void open() {
    store = newStore();
    store.createWorkspace(KUNGALV);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theIndexHoldsExactlyWhatTheStoreHoldsAfterImportsMergesAndDeletes() {
    EventIndex index = new EventIndex(store, BUDGET);
    Random r = new Random(7);
    write(store, incidents(r, 0, 3_000));
    assertMatchesStore(index, r);
    assertThat(index.reads()).isEqualTo(1);

    // a merge: the first 600 ids again with new positions, times, categories and weights, 400 new
    List<Incident> merge = new ArrayList<>(incidents(new Random(8), 0, 600));
    merge.addAll(incidents(new Random(9), 3_000, 400));
    long before = store.dataVersion(KUNGALV.id());
    write(store, merge);
    assertThat(store.dataVersion(KUNGALV.id())).isNotEqualTo(before);
    assertMatchesStore(index, r);
    assertThat(index.columns(KUNGALV, Layer.INCIDENTS).size()).isEqualTo(3_400);
    assertThat(index.reads()).isEqualTo(2);

    for (int i = 0; i < 3_400; i += 97) {
      assertThat(store.deleteRecord(KUNGALV.id(), Layer.INCIDENTS, id(i))).isTrue();
    }
    assertMatchesStore(index, r);
    assertThat(index.columns(KUNGALV, Layer.INCIDENTS).size()).isEqualTo(3_400 - 36);
    assertThat(index.reads()).isEqualTo(3);
    assertThat(index.hits()).isPositive();
  }

  /** Compares the whole layer and a set of random selections with the oracle. */
  private void assertMatchesStore(EventIndex index, Random r) {
    List<Event> stored = new ArrayList<>();
    store.scan(
        KUNGALV.id(),
        Layer.INCIDENTS,
        LayerQuery.ALL,
        rec -> stored.add(EventOracle.of(rec, KUNGALV.crs())));
    EventColumns columns = index.columns(KUNGALV, Layer.INCIDENTS);
    assertThat(columns.dataVersion()).isEqualTo(store.dataVersion(KUNGALV.id()));
    EventOracle.assertSameEvents(EventOracle.events(columns.select(EventQuery.ALL)), stored);
    for (int q = 0; q < 25; q++) {
      EventQuery query = EventOracle.randomQuery(r, stored, T0, SPAN_SECONDS, CATEGORIES);
      EventOracle.assertSameEvents(
          EventOracle.events(index.columns(KUNGALV, Layer.INCIDENTS).select(query)),
          EventOracle.select(stored, query, KUNGALV.timeZone()));
    }
  }

  @Test
  void aWriteThroughAnotherInstanceIsServedAtOnce() {
    try (Store other = sameDataAs(store)) {
      EventIndex here = new EventIndex(store, BUDGET);
      EventIndex there = new EventIndex(other, BUDGET);
      write(store, incidents(new Random(1), 0, 200));
      assertThat(here.columns(KUNGALV, Layer.INCIDENTS).size()).isEqualTo(200);
      assertThat(there.columns(KUNGALV, Layer.INCIDENTS).size()).isEqualTo(200);

      write(other, incidents(new Random(2), 200, 50));
      assertThat(here.columns(KUNGALV, Layer.INCIDENTS).size()).isEqualTo(250);
      assertThat(other.deleteRecord(KUNGALV.id(), Layer.INCIDENTS, id(3))).isTrue();
      EventColumns afterDelete = here.columns(KUNGALV, Layer.INCIDENTS);
      assertThat(afterDelete.size()).isEqualTo(249);
      assertThat(afterDelete.dataVersion()).isEqualTo(other.dataVersion(KUNGALV.id()));
      assertThat(here.reads()).isEqualTo(3);

      assertThat(other.deleteWorkspace(KUNGALV.id())).isTrue();
      assertThatThrownBy(() -> here.columns(KUNGALV, Layer.INCIDENTS))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
      assertThat(here.held()).isEmpty();
      assertThat(here.heldBytes()).isZero();
    }
  }

  @Test
  void concurrentFirstRequestsShareOneRead() throws Exception {
    write(store, incidents(new Random(3), 0, 2_000));
    EventIndex index = new EventIndex(store, BUDGET);
    int callers = 8;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<EventColumns>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return index.columns(KUNGALV, Layer.INCIDENTS);
                }));
      }
      EventColumns first = answers.get(0).get();
      for (Future<EventColumns> a : answers) {
        assertThat(a.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.reads()).isEqualTo(1);
    assertThat(index.hits() + index.sharedReads()).isEqualTo(callers - 1);
  }

  @Test
  void heldColumnsStayWithinTheByteBudgetLeastRecentlyUsedFirst() {
    List<Workspace> towns = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Workspace w = Workspace.of("town-" + t, "Town " + t);
      store.createWorkspace(w);
      writeTo(store, w.id(), incidents(new Random(10 + t), 0, 500));
      towns.add(w);
    }
    long one = new EventIndex(store, BUDGET).columns(towns.get(0), Layer.INCIDENTS).bytes();
    EventIndex index = new EventIndex(store, one * 5 / 2);
    index.columns(towns.get(0), Layer.INCIDENTS);
    index.columns(towns.get(1), Layer.INCIDENTS);
    index.columns(towns.get(2), Layer.INCIDENTS); // evicts town-0, the least recently used
    assertThat(index.held()).extracting(s -> s.substring(0, 6)).containsExactly("town-1", "town-2");
    index.columns(towns.get(1), Layer.INCIDENTS); // a hit: town-1 becomes the most recent
    index.columns(towns.get(3), Layer.INCIDENTS); // evicts town-2
    assertThat(index.held()).extracting(s -> s.substring(0, 6)).containsExactly("town-1", "town-3");
    assertThat(index.heldBytes()).isLessThanOrEqualTo(index.maxBytes()).isEqualTo(2 * one);
    assertThat(index.reads()).isEqualTo(4);
    index.columns(towns.get(0), Layer.INCIDENTS); // evicted before: read again
    assertThat(index.reads()).isEqualTo(5);

    EventIndex tiny = new EventIndex(store, one / 2);
    assertThat(tiny.columns(towns.get(0), Layer.INCIDENTS).size()).isEqualTo(500);
    assertThat(tiny.held()).isEmpty();
    assertThat(tiny.heldBytes()).isZero();
  }

  @Test
  void scanPointsReadsEveryPointLayerWithTheVersionOfItsSnapshot() {
    try (LayerWriter w = store.openWriter(KUNGALV.id(), Layer.UNSAFE_PLACES)) {
      w.write(
          new UnsafePlace(
              "u1",
              new LonLat(11.98, 57.87),
              Instant.parse("2024-09-01T19:00:00Z"),
              "Darkness",
              "walk",
              Optional.of("no light"),
              Map.of()));
      w.commit();
    }
    try (LayerWriter w = store.openWriter(KUNGALV.id(), Layer.LAMPS)) {
      w.write(
          new Lamp(
              "l1",
              new LonLat(11.99, 57.86),
              LampStatus.BROKEN,
              java.util.OptionalDouble.empty(),
              java.util.OptionalDouble.empty(),
              Optional.empty(),
              "inventory",
              Map.of()));
      w.commit();
    }
    List<String> seen = new ArrayList<>();
    long version =
        store.scanPoints(
            KUNGALV.id(),
            Layer.UNSAFE_PLACES,
            (lon, lat, t, category, weight) ->
                seen.add(
                    lon
                        + " "
                        + lat
                        + " "
                        + Instant.ofEpochMilli(t)
                        + " "
                        + category
                        + " "
                        + weight));
    assertThat(version).isEqualTo(store.dataVersion(KUNGALV.id()));
    assertThat(seen).containsExactly("11.98 57.87 2024-09-01T19:00:00Z darkness 1.0");
    seen.clear();
    store.scanPoints(
        KUNGALV.id(),
        Layer.LAMPS,
        (lon, lat, t, category, weight) ->
            seen.add(lon + " " + (t == PointRowSink.NO_TIME) + " " + category));
    assertThat(seen).containsExactly("11.99 true broken");

    assertThatThrownBy(() -> store.scanPoints(KUNGALV.id(), Layer.STREETS, (a, b, c, d, e) -> {}))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT));
    assertThatThrownBy(() -> store.scanPoints("nowhere", Layer.INCIDENTS, (a, b, c, d, e) -> {}))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  private static String id(int i) {
    return "ev-" + i;
  }

  /** Incidents with ids {@code ev-first …}, seeded, over Kungälv and two years of seconds. */
  private static List<Incident> incidents(Random r, int first, int n) {
    double[] weights = {1, 1, 2, 0.5};
    List<Incident> out = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      out.add(
          new Incident(
              id(i),
              new LonLat(11.90 + 0.2 * r.nextDouble(), 57.80 + 0.15 * r.nextDouble()),
              T0.plusSeconds((long) (r.nextDouble() * SPAN_SECONDS)),
              CATEGORIES.get(r.nextInt(CATEGORIES.size())),
              weights[r.nextInt(weights.length)],
              Map.of()));
    }
    return out;
  }

  private static void write(Store s, List<Incident> incidents) {
    writeTo(s, KUNGALV.id(), incidents);
  }

  private static void writeTo(Store s, String workspaceId, List<Incident> incidents) {
    try (LayerWriter w = s.openWriter(workspaceId, Layer.INCIDENTS)) {
      incidents.forEach(w::write);
      w.commit();
    }
  }
}
