package se.tryggkarta.ingest;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells that are safe to open in a spreadsheet, for every CSV the service writes (layer
 * exports, the lighting work list). Following OWASP's CSV injection guidance
 * (owasp.org/www-community/attacks/CSV_Injection), a text cell that begins with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return, which Excel, LibreOffice and Google Sheets
 * would run as a formula, gets a leading apostrophe: {@code =HYPERLINK(…)} is written as {@code
 * '=HYPERLINK(…)} and shown as text. Numbers stay numbers: {@code -12.5} or {@code +46} is written
 * as it is. The guard is reversible: a cell that already begins with apostrophes before such a
 * character gets one more, and {@link #unguard} (applied by the CSV reader) takes exactly one off,
 * so an export imports back to the same values. Cells are then quoted as RFC 4180 requires.
 * Stateless.
 */
public final class CsvCells {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvCells() {}

  /**
   * Whether a spreadsheet could read the text as a formula, so that it needs the guard: after any
   * leading apostrophes (earlier guards), it begins with a formula character and is not a number.
   */
  static boolean needsGuard(String v) {
    int k = 0;
    while (k < v.length() && v.charAt(k) == '\'') {
      k++;
    }
    if (k == v.length()) {
      return false;
    }
    char c = v.charAt(k);
    boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return formula && !NUMBER.matcher(v.substring(k)).matches();
  }

  /** The value with the formula guard when it needs one. */
  public static String guard(String v) {
    return needsGuard(v) ? "'" + v : v;
  }

  /** The value a guarded cell stood for: one guard apostrophe off, else the cell as it is. */
  public static String unguard(String cell) {
    return cell.startsWith("'") && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /** One cell: guarded, then quoted when it holds a separator, quote, line break or edge space. */
  public static String cell(String value) {
    String v = guard(value);
    boolean quote =
        v.indexOf(',') >= 0
            || v.indexOf(';') >= 0
            || v.indexOf('"') >= 0
            || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0
            || (!v.isEmpty()
                && (Character.isWhitespace(v.charAt(0))
                    || Character.isWhitespace(v.charAt(v.length() - 1))));
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** Appends one CRLF-terminated row of cells. */
  public static void row(Appendable out, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(values.get(i)));
    }
    out.append("\r\n");
  }
}
