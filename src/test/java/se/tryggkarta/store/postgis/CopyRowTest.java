package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/** Golden rows in PostgreSQL's COPY text format (PostgreSQL 15 manual, COPY, "Text Format"). */
class CopyRowTest {
  @Test
  void escapesBackslashTabNewlineAndCarriageReturnAndWritesNullAsBackslashN() {
    String row =
        new CopyRow()
            .start()
            .number(7)
            .text("comment", "a\\b\tc\nd\re")
            .text("name", Optional.empty())
            .number(OptionalDouble.empty())
            .number(2.5)
            .instant(Instant.parse("2024-03-01T22:15:00.123456Z"))
            .end();
    assertThat(row)
        .isEqualTo("7\ta\\\\b\\tc\\nd\\re\t\\N\t\\N\t2.5\t2024-03-01T22:15:00.123456Z\n");
  }

  @Test
  void aRowStartedAgainForgetsThePreviousOne() {
    CopyRow r = new CopyRow();
    r.start().text("a", "first").end();
    assertThat(r.start().text("a", "second").end()).isEqualTo("second\n");
  }

  @Test
  void rejectsANulCharacterNamingTheField() {
    assertThatThrownBy(() -> new CopyRow().start().text("comment", "dark\0street"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.field()).contains("comment");
            });
  }
}
