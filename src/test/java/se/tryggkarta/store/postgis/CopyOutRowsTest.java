package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reading binary COPY rows back: rows written by {@link CopyRow} (whose golden bytes {@code
 * CopyRowTest} checks) come back field for field, across buffer refills; the store's contract tests
 * read real server output.
 */
class CopyOutRowsTest {
  @Test
  void readsBackWhatCopyRowWrites() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(CopyRow.HEADER);
    CopyRow row = new CopyRow();
    String longText = "å".repeat(40_000); // 80 000 bytes: longer than the reader's buffer
    int rows = 5_000;
    for (int i = 0; i < rows; i++) {
      row.start()
          .number(11.5 + i)
          .number(-57.25)
          .instant(Instant.ofEpochSecond(1_700_000_000L + i, 123_456_000))
          .text("category", i == 7 ? longText : "theft")
          .nul()
          .writeTo(out);
    }
    out.write(CopyRow.TRAILER);
    CopyOutRows in = new CopyOutRows(new ByteArrayInputStream(out.toByteArray()));
    for (int i = 0; i < rows; i++) {
      assertThat(in.nextRow()).isEqualTo(5);
      assertThat(in.float8()).isEqualTo(11.5 + i);
      assertThat(in.float8()).isEqualTo(-57.25);
      assertThat(in.timestampMillis(-1)).isEqualTo((1_700_000_000L + i) * 1000 + 123);
      assertThat(in.text()).isEqualTo(i == 7 ? longText : "theft");
      assertThat(in.timestampMillis(-1)).isEqualTo(-1);
    }
    assertThat(in.nextRow()).isEqualTo(-1);
    in.finish();
  }

  @Test
  void textsPastTheDictionarysCapacityAndCollidingHashesStillReadBackExactly() throws IOException {
    // 3 000 distinct texts (the reader keeps the first 1 024), then all of them again, plus two
    // texts of equal Java hash ("Aa" and "BB") and UTF-8 beyond ASCII
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(CopyRow.HEADER);
    CopyRow row = new CopyRow();
    String[] texts = new String[6_004];
    for (int i = 0; i < 6_000; i++) {
      texts[i] = "kategori-" + (i % 3_000) + (i % 2 == 0 ? "-å" : "");
    }
    texts[6_000] = "Aa";
    texts[6_001] = "BB";
    texts[6_002] = "Aa";
    texts[6_003] = "BB";
    for (String t : texts) {
      row.start().text("category", t).writeTo(out);
    }
    out.write(CopyRow.TRAILER);
    CopyOutRows in = new CopyOutRows(new ByteArrayInputStream(out.toByteArray()));
    for (String t : texts) {
      assertThat(in.nextRow()).isEqualTo(1);
      assertThat(in.text()).isEqualTo(t);
    }
    assertThat(in.nextRow()).isEqualTo(-1);
  }

  @Test
  void aStreamThatIsNoBinaryCopyOrEndsInsideARowIsAnError() {
    assertThatThrownBy(() -> new CopyOutRows(stream("id,lon,lat\n1,2,3\n".getBytes())))
        .isInstanceOf(IOException.class);
    byte[] cut = Arrays.copyOf(CopyRow.HEADER, CopyRow.HEADER.length + 3);
    assertThatThrownBy(
            () -> {
              CopyOutRows in = new CopyOutRows(stream(cut));
              in.nextRow();
              in.float8();
            })
        .isInstanceOf(IOException.class);
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
