package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/**
 * Golden rows in PostgreSQL's binary COPY format (PostgreSQL 15 manual, COPY, "Binary Format"). The
 * store's contract tests round-trip every column type through a real server.
 */
class CopyRowTest {
  @Test
  void aRowIsItsFieldCountThenEachFieldsLengthAndBigEndianValue() {
    ByteBuffer row =
        ByteBuffer.wrap(
            new CopyRow()
                .start()
                .number(7L)
                .number(2.5)
                .text("name", Optional.empty())
                .number(OptionalDouble.empty())
                .text("name", "Kvarngärdet")
                .bytes());
    assertThat(row.getShort()).isEqualTo((short) 5);
    assertThat(row.getInt()).isEqualTo(8);
    assertThat(row.getLong()).isEqualTo(7L);
    assertThat(row.getInt()).isEqualTo(8);
    assertThat(row.getDouble()).isEqualTo(2.5);
    assertThat(row.getInt()).isEqualTo(-1);
    assertThat(row.getInt()).isEqualTo(-1);
    byte[] utf8 = "Kvarngärdet".getBytes(StandardCharsets.UTF_8);
    assertThat(row.getInt()).isEqualTo(utf8.length).isEqualTo(12);
    byte[] text = new byte[utf8.length];
    row.get(text);
    assertThat(text).isEqualTo(utf8);
    assertThat(row.hasRemaining()).isFalse();
  }

  @Test
  void instantsAndDatesCountFromTheYear2000() {
    ByteBuffer row =
        ByteBuffer.wrap(
            new CopyRow()
                .start()
                .instant(Instant.parse("2000-01-01T00:00:01.000002Z"))
                .instant(Instant.parse("1999-12-31T23:59:59.5Z"))
                .date(Optional.of(LocalDate.of(2000, 1, 3)))
                .date(Optional.of(LocalDate.of(1999, 12, 31)))
                .bytes());
    row.getShort();
    row.getInt();
    assertThat(row.getLong()).isEqualTo(1_000_002L);
    row.getInt();
    assertThat(row.getLong()).isEqualTo(-500_000L);
    assertThat(row.getInt()).isEqualTo(4);
    assertThat(row.getInt()).isEqualTo(2);
    row.getInt();
    assertThat(row.getInt()).isEqualTo(-1);
  }

  @Test
  void jsonbIsAVersionByteThenTheJsonText() {
    ByteBuffer row = ByteBuffer.wrap(new CopyRow().start().jsonb("extra", "{\"a\":1}").bytes());
    row.getShort();
    assertThat(row.getInt()).isEqualTo(8);
    assertThat(row.get()).isEqualTo((byte) 1);
    byte[] json = new byte[7];
    row.get(json);
    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void aRowStartedAgainForgetsThePreviousOneAndLongRowsGrowTheBuffer() {
    CopyRow r = new CopyRow();
    r.start().text("a", "x".repeat(10_000));
    byte[] second = r.start().text("a", "second").bytes();
    assertThat(second).hasSize(2 + 4 + 6);
    assertThat(ByteBuffer.wrap(second).getShort()).isEqualTo((short) 1);
  }

  @Test
  void theStreamStartsWithTheSignatureAndEndsWithMinusOne() {
    assertThat(new String(CopyRow.HEADER, 0, 11, StandardCharsets.ISO_8859_1))
        .isEqualTo("PGCOPY\n\u00ff\r\n\0");
    assertThat(CopyRow.HEADER).hasSize(19);
    assertThat(ByteBuffer.wrap(CopyRow.TRAILER).getShort()).isEqualTo((short) -1);
  }

  @Test
  void jsonbRejectsTheNulEscapeButNotAnEscapedBackslashBeforeU0000() {
    assertThatThrownBy(() -> new CopyRow().start().jsonb("extra", "{\"a\":\"x\\u0000\"}"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("extra"));
    // the text \u0000 (backslash written as \\ in JSON) is six ordinary characters
    assertThat(new CopyRow().start().jsonb("extra", "{\"a\":\"x\\\\u0000\"}").bytes())
        .hasSize(2 + 4 + 1 + 16);
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
