package se.tryggkarta.finding;

import java.util.List;

/**
 * Writes CSV rows (RFC 4180: comma-separated, CRLF, quoted when needed) for the municipality's own
 * systems, with text cells neutralised against formula injection as OWASP's "CSV Injection" page
 * advises: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running
 * it. Numbers and dates the service itself writes go through {@link #row} as they are. Stateless.
 */
public final class CsvCells {
  private CsvCells() {}

  /** A free-text cell: neutralised when a spreadsheet would take it for a formula. */
  public static String text(String v) {
    if (v == null || v.isEmpty()) {
      return "";
    }
    char c = v.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + v;
    }
    return v;
  }

  /** One row, each value quoted when it holds a comma, quote or line break; ends with CRLF. */
  public static void row(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String v = values.get(i);
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0
          || v.startsWith("'")) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    out.append("\r\n");
  }
}
