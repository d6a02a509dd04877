package se.tryggkarta.hotspot.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.Workspace;

/**
 * The in-memory columnar event index: per workspace and point layer, the {@link EventColumns} of
 * the store's current data version, so that a new option set (period, categories, hours, weekdays,
 * box, weights) filters and bins a million events in milliseconds instead of re-reading them.
 *
 * <ul>
 *   <li><b>Fresh.</b> {@link #columns(Workspace, Layer)} asks the store for the workspace's data
 *       version (one small query) and serves held columns only when they were read at exactly that
 *       version. Every write through any instance sharing the store changes the version, so no
 *       instance serves data another has since changed.
 *   <li><b>One read per change.</b> The first request after a change streams the layer once ({@link
 *       LayerStore#scanPoints}); concurrent requests for the same layer wait for that read instead
 *       of starting their own (single flight). A waiter whose own version is newer than the one the
 *       running read started from (it follows its own write) reads again.
 *   <li><b>Bounded.</b> Held columns are counted by {@link EventColumns#bytes()} and evicted least
 *       recently used first so that their sum stays within {@code maxBytes}; columns larger than
 *       the whole budget are served to the requests that read them and not kept. (The transient
 *       memory of a read in progress is not counted.)
 * </ul>
 *
 * Thread-safe.
 */
public final class EventIndex {
  private record Key(String workspaceId, Layer layer) {}

  private final LayerStore store;
  private final long maxBytes;
  private final LinkedHashMap<Key, EventColumns> held = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<Key, CompletableFuture<EventColumns>> reading = new ConcurrentHashMap<>();
  private long heldBytes;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong sharedReads = new AtomicLong();

  /**
   * @param store where the events are read from
   * @param maxBytes the most bytes of columns to hold (≥ 0; 0 holds nothing)
   */
  public EventIndex(LayerStore store, long maxBytes) {
    if (maxBytes < 0) {
      throw DomainException.invalid("maxBytes", "maxBytes must be ≥ 0, was " + maxBytes);
    }
    this.store = store;
    this.maxBytes = maxBytes;
  }

  /**
   * The layer's columns at the store's current data version, read from the store only when no held
   * columns match that version. NOT_FOUND when the workspace does not exist (its held columns are
   * dropped); UNAVAILABLE when the store cannot be reached.
   */
  public EventColumns columns(Workspace workspace, Layer layer) {
    long version;
    try {
      version = store.dataVersion(workspace.id());
    } catch (DomainException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        forget(workspace.id());
      }
      throw e;
    }
    return columns(workspace, layer, version);
  }

  /**
   * The layer's columns at {@code dataVersion} (which the caller has just read from the store), or
   * at a newer version when a read that started later finished first.
   */
  public EventColumns columns(Workspace workspace, Layer layer, long dataVersion) {
    Key key = new Key(workspace.id(), layer);
    while (true) {
      EventColumns hit = heldAt(key, workspace, dataVersion);
      if (hit != null) {
        hits.incrementAndGet();
        return hit;
      }
      CompletableFuture<EventColumns> mine = new CompletableFuture<>();
      CompletableFuture<EventColumns> running = reading.putIfAbsent(key, mine);
      if (running == null) {
        try {
          // a read may have finished between the look-up above and taking the slot
          EventColumns justHeld = heldAt(key, workspace, dataVersion);
          if (justHeld != null) {
            hits.incrementAndGet();
            mine.complete(justHeld);
            return justHeld;
          }
          EventColumns read = read(workspace, layer);
          hold(key, read);
          mine.complete(read);
          return read;
        } catch (RuntimeException | Error e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          reading.remove(key, mine);
        }
      }
      EventColumns shared = join(running);
      if (shared.dataVersion() >= dataVersion && sameFrame(shared, workspace)) {
        sharedReads.incrementAndGet();
        return shared;
      }
      // that read started from an older version than this caller has seen: read again
    }
  }

  private EventColumns read(Workspace workspace, Layer layer) {
    reads.incrementAndGet();
    EventColumns.Builder builder = EventColumns.builder(workspace, layer);
    long version = store.scanPoints(workspace.id(), layer, builder);
    return builder.build(version);
  }

  private static EventColumns join(CompletableFuture<EventColumns> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static boolean sameFrame(EventColumns c, Workspace w) {
    return c.crs().equals(w.crs()) && c.zone().equals(w.timeZone());
  }

  private synchronized EventColumns heldAt(Key key, Workspace w, long version) {
    EventColumns c = held.get(key);
    return c != null && c.dataVersion() == version && sameFrame(c, w) ? c : null;
  }

  private synchronized void hold(Key key, EventColumns read) {
    EventColumns old = held.get(key);
    if (old != null
        && old.dataVersion() > read.dataVersion()
        && old.crs().equals(read.crs())
        && old.zone().equals(read.zone())) {
      return; // a later read already holds newer columns
    }
    if (old != null) {
      held.remove(key);
      heldBytes -= old.bytes();
    }
    if (read.bytes() > maxBytes) {
      return;
    }
    held.put(key, read);
    heldBytes += read.bytes();
    Iterator<Map.Entry<Key, EventColumns>> eldest = held.entrySet().iterator();
    while (heldBytes > maxBytes && eldest.hasNext()) {
      Map.Entry<Key, EventColumns> e = eldest.next();
      if (e.getKey().equals(key)) {
        continue;
      }
      heldBytes -= e.getValue().bytes();
      eldest.remove();
    }
  }

  /** Drops every held layer of the workspace (it was deleted). */
  public synchronized void forget(String workspaceId) {
    Iterator<Map.Entry<Key, EventColumns>> it = held.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, EventColumns> e = it.next();
      if (e.getKey().workspaceId().equals(workspaceId)) {
        heldBytes -= e.getValue().bytes();
        it.remove();
      }
    }
  }

  /** The budget, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The bytes of the columns held now (≤ {@link #maxBytes()}). */
  public synchronized long heldBytes() {
    return heldBytes;
  }

  /** The layers held now, least recently used first, as {@code workspace/layer@version}. */
  public synchronized List<String> held() {
    List<String> out = new ArrayList<>();
    held.forEach(
        (k, c) -> out.add(k.workspaceId() + "/" + k.layer().slug() + "@" + c.dataVersion()));
    return out;
  }

  /** Requests answered from held columns. */
  public long hits() {
    return hits.get();
  }

  /** Reads from the store (one per change and layer, unless evicted in between). */
  public long reads() {
    return reads.get();
  }

  /** Requests that waited for another request's read instead of reading themselves. */
  public long sharedReads() {
    return sharedReads.get();
  }
}
