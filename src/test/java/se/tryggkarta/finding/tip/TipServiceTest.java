package se.tryggkarta.finding.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.finding.JsonFields;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.store.geopackage.GeoPackageStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/** Citizens' tips: limited per client and day, and counted only once approved. */
class TipServiceTest {
  static final String WS = "kungalv";
  static final String SECRET = "Mitt namn är Eva och jag bor på Storgatan 3";
  @TempDir Path dir;
  GeoPackageStore store;
  MutableClock clock = new MutableClock(Instant.parse("2025-10-02T10:00:00Z"));
  TipService tips;

  @BeforeEach
  void open() {
    store = GeoPackageStore.open(dir.resolve("t.gpkg"));
    store.createWorkspace(Workspace.of(WS, "Kungälv").withPublicAccess(true));
    tips = new TipService(new WorkspaceService(store), store, store, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static JsonNode body(String text) {
    return JsonFields.parse(
        "{\"location\":[11.98,57.87],\"category\":\"lighting\",\"text\":\"" + text + "\"}");
  }

  @Test
  void a_client_may_send_five_tips_a_day_and_the_sixth_is_refused() {
    for (int i = 0; i < TipService.MAX_PER_CLIENT_PER_DAY; i++) {
      tips.submit(WS, body("tips " + i), "10.0.0.1");
    }
    assertThatThrownBy(() -> tips.submit(WS, body("en till"), "10.0.0.1"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
    assertThat(tips.listTips(WS, Optional.empty())).hasSize(TipService.MAX_PER_CLIENT_PER_DAY);
    tips.submit(WS, body("någon annan"), "10.0.0.2");
    clock.now = clock.now.plusSeconds(24 * 3600);
    tips.submit(WS, body("nästa dag"), "10.0.0.1");
    assertThat(tips.listTips(WS, Optional.empty())).hasSize(7);
  }

  @Test
  void a_workspace_takes_a_bounded_number_of_tips_a_day_from_everyone() {
    for (int i = 0; i < TipService.MAX_PER_WORKSPACE_PER_DAY; i++) {
      tips.submit(WS, body(""), "10.1." + (i / 250) + "." + (i % 250));
    }
    assertThatThrownBy(() -> tips.submit(WS, body(""), "10.9.9.9"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
  }

  @Test
  void only_an_approved_tip_is_an_unsafe_place_and_never_with_its_text() {
    Tip t = tips.submit(WS, body(SECRET), "10.0.0.1");
    assertThat(t.moderation()).isEqualTo(Moderation.PENDING);
    assertThat(store.query(WS, Layer.UNSAFE_PLACES, LayerQuery.ALL).items()).isEmpty();
    tips.moderate(WS, t.id(), Moderation.APPROVED, "Analytiker");
    var places = store.query(WS, Layer.UNSAFE_PLACES, LayerQuery.ALL).items();
    assertThat(places)
        .singleElement()
        .isInstanceOfSatisfying(
            UnsafePlace.class,
            u -> {
              assertThat(u.source()).isEqualTo("citizen");
              assertThat(u.comment()).isEmpty();
              assertThat(u.extra().toString()).doesNotContain("Eva");
            });
    tips.moderate(WS, t.id(), Moderation.REJECTED, "Analytiker");
    assertThat(store.query(WS, Layer.UNSAFE_PLACES, LayerQuery.ALL).items()).isEmpty();
    assertThat(tips.getTip(WS, t.id()).text()).contains(SECRET);
  }

  @Test
  void the_client_address_is_kept_only_as_a_daily_hash() {
    Tip t = tips.submit(WS, body("x"), "192.0.2.44");
    String doc = store.findDocument(TipService.TIPS, WS, t.id()).orElseThrow().json();
    assertThat(doc).doesNotContain("192.0.2.44");
    assertThat(TipService.clientKey(WS, java.time.LocalDate.of(2025, 10, 2), "192.0.2.44"))
        .isNotEqualTo(TipService.clientKey(WS, java.time.LocalDate.of(2025, 10, 3), "192.0.2.44"));
  }

  @Test
  void a_tip_text_longer_than_the_bound_is_refused_and_nothing_is_stored() {
    String longText = "a".repeat(Tip.MAX_TEXT_LENGTH + 1);
    assertThatThrownBy(() -> tips.submit(WS, body(longText), "10.0.0.1"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).contains("text"));
    assertThat(tips.listTips(WS, Optional.empty())).isEmpty();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
