package se.tryggkarta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact duplicate check against a plain HashMap, the obvious implementation. */
class ExternalIdSetTest {
  @Test
  void answersLikeAHashMapOfFirstRecordsAcrossPagesAndRehashes() {
    ExternalIdSet set = new ExternalIdSet();
    Map<String, Long> oracle = new HashMap<>();
    Random r = new Random(5);
    for (long record = 2; record < 300_000; record++) {
      String id =
          switch (r.nextInt(4)) {
            case 0 -> "ev-" + r.nextInt(200_000);
            case 1 -> "ärende-" + r.nextInt(1_000) + "-ö";
            case 2 -> "x".repeat(1 + r.nextInt(200)); // long ids fill pages quickly
            default -> Integer.toString(r.nextInt(50_000), 36);
          };
      Long expected = oracle.putIfAbsent(id, record);
      assertThat(set.firstRecord(id, record)).as(id).isEqualTo(expected == null ? -1 : expected);
    }
    assertThat(set.size()).isEqualTo(oracle.size());
  }

  @Test
  void idsThatDifferOnlyInCaseOrOneCharacterAreDifferent() {
    ExternalIdSet set = new ExternalIdSet();
    assertThat(set.firstRecord("A-1", 2)).isEqualTo(-1);
    assertThat(set.firstRecord("a-1", 3)).isEqualTo(-1);
    assertThat(set.firstRecord("A-2", 4)).isEqualTo(-1);
    assertThat(set.firstRecord("A-1", 5)).isEqualTo(2);
    assertThat(set.firstRecord("", 6)).isEqualTo(-1);
    assertThat(set.firstRecord("", 7)).isEqualTo(6);
  }
}
