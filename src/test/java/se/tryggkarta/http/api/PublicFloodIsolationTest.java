package se.tryggkarta.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.access.Role;
import se.tryggkarta.analysis.AnalysisPool;
import se.tryggkarta.analysis.PoolStates;
import se.tryggkarta.http.TestServer;

/**
 * Public requests compute on the releases' own one-thread pool, so they cannot take members'
 * workers: with that pool held busy and its queue full, anonymous requests for products not yet
 * computed are refused at once (503, Retry-After), while an analyst's density request is answered
 * and the members' pool has done no public work.
 */
class PublicFloodIsolationTest {
  @TempDir Path dir;

  @Test
  void aFullReleasePoolRefusesThePublicAndLeavesMembersTheirPool() throws Exception {
    try (TestServer server = TestServer.start(dir, w -> w.http())) {
      server.wiring().installDemo();
      String analyst =
          server.wiring().keys().create(Role.ANALYST, Set.of("exempelby"), "t").token();
      AnalysisPool releases = server.wiring().releases().cache().pool();
      AnalysisPool members = server.wiring().analyses().cache().pool();
      CountDownLatch hold = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      ExecutorService flood = Executors.newFixedThreadPool(9);
      List<Future<Object>> blockers = new ArrayList<>();
      try {
        // one task holds the only worker, eight fill the queue; which of the nine submitting
        // threads reaches the pool first is up to the scheduler, so whichever runs says so
        for (int i = 0; i < 9; i++) {
          blockers.add(
              flood.submit(
                  () ->
                      releases.run(
                          () -> {
                            started.countDown();
                            await(hold);
                            return "done";
                          })));
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        PoolStates.awaitUntil(() -> releases.queuedTasks() >= 8, Duration.ofSeconds(30));
        assertThat(releases.queuedTasks()).isEqualTo(8);
        long membersBefore = members.stats().misses();

        HttpResponse<String> anonymous =
            server.as(Optional.empty()).get("/api/workspaces/exempelby/hotspots/density");
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(anonymous.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> member =
            server
                .as(Optional.of(analyst))
                .get("/api/workspaces/exempelby/hotspots/density?bandwidth=150&cell=25");
        assertThat(member.statusCode()).isEqualTo(200);
        assertThat(members.stats().misses()).isGreaterThan(membersBefore);
        long membersAfterMember = members.stats().misses();

        hold.countDown();
        for (Future<Object> f : blockers) {
          f.get(30, TimeUnit.SECONDS);
        }
        HttpResponse<String> later =
            server.as(Optional.empty()).get("/api/workspaces/exempelby/hotspots/density");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(members.stats().misses())
            .as("the public's density computed nothing on the members' pool")
            .isEqualTo(membersAfterMember);
      } finally {
        hold.countDown();
        flood.shutdownNow();
      }
    }
  }

  @Test
  void anonymousRequestsPastThePublicLimitAreRefusedAndMembersAreNotCounted() {
    try (TestServer server =
        TestServer.start(
            dir.resolve("limit"),
            w ->
                se.tryggkarta.http.HttpApp.create(
                    se.tryggkarta.http.HttpSettings.DEFAULT,
                    w.accessPolicy(),
                    List.of(
                        new ReleaseRoutes(w.workspaces(), w.releases()),
                        new HotspotRoutes(
                            w.workspaces(),
                            w.hotspots(),
                            w.analyses(),
                            w.releases(),
                            w.accessPolicy(),
                            w.places())),
                    0))) {
      server.wiring().installDemo();
      String viewer = server.wiring().keys().create(Role.VIEWER, Set.of("exempelby"), "t").token();
      HttpResponse<String> anonymous =
          server.as(Optional.empty()).get("/api/workspaces/exempelby/releases");
      assertThat(anonymous.statusCode()).isEqualTo(503);
      assertThat(anonymous.headers().firstValue("Retry-After")).isPresent();
      assertThat(
              server.as(Optional.of(viewer)).get("/api/workspaces/exempelby/releases").statusCode())
          .isEqualTo(200);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
