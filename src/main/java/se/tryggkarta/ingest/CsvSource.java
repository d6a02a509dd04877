package se.tryggkarta.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.FieldError;

/**
 * Reads RFC 4180 CSV (quoted fields, embedded separators and line breaks) with a header row, one
 * row at a time, using Jackson's streaming CSV parser. The separator is given or guessed from the
 * header (',', ';' or tab, whichever occurs most outside quotes). Record numbers are line numbers
 * counting the header as line 1. Values are strings, with the formula guard of the service's own
 * exports taken off ({@link CsvCells#unguard}); blank lines are skipped. The text must be UTF-8:
 * other bytes (a spreadsheet's Windows-1252 export) are refused with their line rather than read as
 * replacement characters. Not thread-safe.
 */
final class CsvSource implements RecordSource {
  private static final CsvMapper CSV = new CsvMapper();
  private static final int SNIFF_BYTES = 64 * 1024;

  private final CsvParser parser;
  private final List<String> header;

  CsvSource(InputStream raw, Optional<Character> delimiter) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
      skipBom(in);
      char separator = delimiter.isPresent() ? delimiter.get() : guessSeparator(in);
      CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
      this.parser =
          CSV.getFactory()
              .createParser(
                  new InputStreamReader(
                      in,
                      StandardCharsets.UTF_8
                          .newDecoder()
                          .onMalformedInput(CodingErrorAction.REPORT)
                          .onUnmappableCharacter(CodingErrorAction.REPORT)));
      parser.setSchema(schema);
      parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      Optional<Row> first = row();
      if (first.isEmpty()) {
        throw GeoJsonSource.fileError("body", "the file is empty");
      }
      this.header = header(first.get().values());
    } catch (JsonProcessingException e) {
      throw GeoJsonSource.recordError(
          e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
          "csv",
          "malformed CSV: " + e.getOriginalMessage());
    } catch (CharacterCodingException e) {
      throw notUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Row(long line, List<String> values) {}

  private DomainException notUtf8() {
    long line = parser == null ? 1 : Math.max(1, parser.currentLocation().getLineNr());
    return GeoJsonSource.recordError(
        line,
        "csv",
        "the file is not UTF-8 text (near line "
            + line
            + "); save it as \"CSV UTF-8\" (a spreadsheet's plain CSV export may use another"
            + " character set)");
  }

  @Override
  public Optional<List<String>> columns() {
    return Optional.of(header);
  }

  private static void skipBom(BufferedInputStream in) throws IOException {
    in.mark(3);
    if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
      in.reset();
    }
  }

  private static char guessSeparator(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (byte b : head) {
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && (b == '\n' || b == '\r')) {
        break;
      } else if (!quoted) {
        comma += b == ',' ? 1 : 0;
        semicolon += b == ';' ? 1 : 0;
        tab += b == '\t' ? 1 : 0;
      }
    }
    if (semicolon > comma && semicolon >= tab) {
      return ';';
    }
    return tab > comma ? '\t' : ',';
  }

  private static List<String> header(List<String> names) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i).strip();
      if (n.isEmpty()) {
        n = "column_" + (i + 1);
      }
      if (!seen.add(n)) {
        throw GeoJsonSource.recordError(1, "header", "column '" + n + "' appears twice");
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  private Optional<Row> row() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      return Optional.empty();
    }
    // Jackson reports the row's start where the previous row ended (before its line break), so
    // the row itself begins on the next line; the header is line 1 either way.
    long line = header == null ? 1 : parser.currentTokenLocation().getLineNr() + 1;
    List<String> values = new ArrayList<>(header == null ? 16 : header.size());
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
      String v = parser.getText();
      values.add(v == null ? "" : v);
    }
    return Optional.of(new Row(line, values));
  }

  @Override
  public Optional<SourceRecord> next() {
    try {
      Optional<Row> r = row();
      if (r.isEmpty()) {
        return Optional.empty();
      }
      Row row = r.get();
      Map<String, Object> properties = new LinkedHashMap<>();
      List<FieldError> problems = List.of();
      if (row.values().size() != header.size()) {
        problems =
            List.of(
                FieldError.ofRecord(
                    row.line(),
                    "row",
                    "expected " + header.size() + " columns, found " + row.values().size()));
      }
      for (int i = 0; i < Math.min(header.size(), row.values().size()); i++) {
        String v = CsvCells.unguard(row.values().get(i).strip());
        if (!v.isEmpty()) {
          properties.put(header.get(i), v);
        }
      }
      return Optional.of(
          new SourceRecord(row.line(), Optional.empty(), Optional.empty(), properties, problems));
    } catch (JsonProcessingException e) {
      throw GeoJsonSource.recordError(
          e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
          "csv",
          "malformed CSV: " + e.getOriginalMessage());
    } catch (CharacterCodingException e) {
      throw notUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
