package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedIdsTest {
  @Test
  void idsThatOccurOnceAreNotCandidatesEvenAfterTheTableGrows() {
    RepeatedIds ids = new RepeatedIds();
    for (int i = 0; i < 200_000; i++) {
      ids.add("inc-" + i);
    }
    // 200 000 64-bit hashes collide with a probability of about 1e-9
    assertThat(ids.candidates()).isEmpty();
  }

  @Test
  void everyRepeatedIdIsACandidateOnceWhateverHowOftenItRepeats() {
    RepeatedIds ids = new RepeatedIds();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10_000; i++) {
        if (round == 0 || i % 1_000 == 0) {
          ids.add("id-" + i);
        }
      }
    }
    assertThat(ids.candidates())
        .containsExactly(
            "id-0", "id-1000", "id-2000", "id-3000", "id-4000", "id-5000", "id-6000", "id-7000",
            "id-8000", "id-9000");
  }

  @Test
  void theEmptyStringAndAHashOfZeroAreTrackedLikeAnyOther() {
    RepeatedIds ids = new RepeatedIds();
    ids.add("");
    ids.add("x");
    ids.add("");
    assertThat(ids.candidates()).containsExactly("");
    assertThat(RepeatedIds.hash("")).isNotZero();
  }
}
