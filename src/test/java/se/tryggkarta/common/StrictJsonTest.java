package se.tryggkarta.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void reads_one_value_with_surrounding_white_space() throws Exception {
    assertThat(StrictJson.readTree(MAPPER, utf8(" {\"a\": \"ö 😀\"}\n")).get("a").asText())
        .isEqualTo("ö 😀");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} {}", "{\"a\":1} x", "[1] ]", "{}\n0"})
  void refuses_content_after_the_value(String json) {
    assertThatThrownBy(() -> StrictJson.readTree(MAPPER, utf8(json)))
        .isInstanceOf(JsonParseException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": \"\\ud800\"}",
        "{\"a\": \"x\\udc00y\"}",
        "{\"a\\udc00\": 1}",
        "[\"\\ud83d\\u0041\"]"
      })
  void refuses_unpaired_surrogate_escapes_in_strings_and_names(String json) {
    assertThatThrownBy(() -> StrictJson.readTree(MAPPER, utf8(json)))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void refuses_a_surrogate_encoded_as_utf8_bytes() {
    byte[] cesu = {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'};

    assertThatThrownBy(() -> StrictJson.readTree(MAPPER, cesu))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void accepts_a_paired_surrogate_escape() throws Exception {
    assertThat(StrictJson.readTree(MAPPER, utf8("[\"\\ud83d\\ude00\"]")).get(0).asText())
        .isEqualTo("😀");
  }

  @Test
  void binds_records_through_the_checked_parser() {
    record Named(String name) {}

    assertThatThrownBy(
            () ->
                StrictJson.readValue(
                    MAPPER, utf8("{\"name\": \"\\udfff\"}"), MAPPER.constructType(Named.class)))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void finds_the_first_unpaired_surrogate() {
    assertThat(StrictJson.unpairedSurrogate("ab")).isEqualTo(-1);
    assertThat(StrictJson.unpairedSurrogate("a😀b")).isEqualTo(-1);
    assertThat(StrictJson.unpairedSurrogate("a\ud800b")).isEqualTo(1);
    assertThat(StrictJson.unpairedSurrogate("ab\udc00")).isEqualTo(2);
  }
}
