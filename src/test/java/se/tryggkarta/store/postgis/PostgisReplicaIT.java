package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.workspace.Workspace;

/**
 * Read replicas against a real hot standby ({@link LocalStandby}): heavy reads go to the standby
 * and see every write committed before them; a standby that lags (replay paused) is waited for a
 * bounded time and then the primary answers, with the write; an unreachable standby or a server
 * that is no standby is passed over for the primary.
 */
class PostgisReplicaIT {
  private static final String SCHEMA = "it_replica";
  private PostgisStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private PostgisStore open(List<String> readUrls) {
    PostgisTestDatabase.dropSchema(SCHEMA);
    store = PostgisStore.open(PostgisTestDatabase.URL, SCHEMA, readUrls);
    store.createWorkspace(Workspace.of("town", "Town"));
    return store;
  }

  @Test
  void heavyReadsGoToTheStandbyAndSeeEveryEarlierWrite() {
    PostgisStore s = open(List.of(LocalStandby.shared().url()));
    for (int round = 1; round <= 10; round++) {
      write(s, "r" + round + "-", 50);
      assertThat(count(s)).isEqualTo(50L * round);
    }
    assertThat(s.replicaReads()).isEqualTo(10);
    assertThat(s.primaryHeavyReads()).isZero();
  }

  @Test
  void aLaggingStandbyIsWaitedForABoundedTimeThenThePrimaryAnswers() {
    LocalStandby standby = LocalStandby.shared();
    PostgisStore s = open(List.of(standby.url()));
    write(s, "a", 20);
    assertThat(count(s)).isEqualTo(20);
    standby.pauseReplay();
    try {
      write(s, "b", 5);
      long start = System.nanoTime();
      assertThat(count(s)).isEqualTo(25);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).isBetween(PostgisStore.REPLICA_WAIT_MS / 1000.0, 10.0);
      assertThat(s.primaryHeavyReads()).isEqualTo(1);
    } finally {
      standby.resumeReplay();
    }
    assertThat(count(s)).isEqualTo(25);
    assertThat(s.replicaReads()).isEqualTo(2);
  }

  @Test
  void anUnreachableStandbyOrAServerThatIsNoStandbyIsPassedOverForThePrimary() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PostgisStore s =
        open(
            List.of(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere?user=postgres",
                PostgisTestDatabase.URL)); // the primary itself: not in recovery
    write(s, "x", 30);
    for (int i = 0; i < 4; i++) {
      assertThat(count(s)).isEqualTo(30);
    }
    assertThat(s.replicaReads()).isZero();
    assertThat(s.primaryHeavyReads()).isEqualTo(4);
  }

  private static long count(PostgisStore s) {
    return s.query("town", Layer.INCIDENTS, LayerQuery.ALL.withPage(1, 0)).total();
  }

  private static void write(PostgisStore s, String prefix, int n) {
    try (LayerWriter w = s.openWriter("town", Layer.INCIDENTS)) {
      for (int i = 0; i < n; i++) {
        w.write(
            new Incident(
                prefix + i,
                new LonLat(11.95 + 0.001 * i, 57.85),
                Instant.parse("2024-02-01T21:00:00Z"),
                "theft",
                1,
                Map.of()));
      }
      w.commit();
    }
  }
}
