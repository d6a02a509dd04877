package se.tryggkarta.common;

/**
 * Hours of the local day, {@code from} inclusive to {@code to} exclusive, wrapping midnight when
 * {@code from > to}: {@code 22-05} is 22:00–04:59, {@code 08-17} is 08:00–16:59.
 */
public record HourWindow(int fromHour, int toHour) {
  public HourWindow {
    if (fromHour < 0 || fromHour > 23 || toHour < 0 || toHour > 24 || fromHour == toHour) {
      throw DomainException.invalid(
          "hours",
          "hours must be 'from-to' with from 0..23, to 0..24 and from ≠ to, was "
              + fromHour
              + "-"
              + toHour);
    }
  }

  /** Parses {@code "22-05"}. */
  public static HourWindow parse(String field, String text) {
    String[] p = text == null ? new String[0] : text.strip().split("-");
    if (p.length != 2) {
      throw DomainException.invalid(field, "hours must look like '22-05', was '" + text + "'");
    }
    try {
      return new HourWindow(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "hours must look like '22-05', was '" + text + "'");
    } catch (DomainException e) {
      throw DomainException.invalid(field, e.getMessage());
    }
  }

  /** The window as {@link #parse} reads it, two digits each: {@code "18-06"}. */
  public String text() {
    return String.format(java.util.Locale.ROOT, "%02d-%02d", fromHour, toHour);
  }

  public boolean contains(int hour) {
    return fromHour < toHour
        ? hour >= fromHour && hour < toHour
        : hour >= fromHour || hour < toHour;
  }
}
