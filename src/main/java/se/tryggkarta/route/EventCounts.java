package se.tryggkarta.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import se.tryggkarta.common.Bbox;
import se.tryggkarta.common.HourWindow;
import se.tryggkarta.common.Lang;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.Text;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Incident;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceSettings;

/**
 * Incidents or reports counted near a stop, by category and by the workspace's night: what a
 * protocol says is behind a stop. Category codes stay as stored; they are shown by their display
 * names ({@link WorkspaceSettings#categoryName}). Immutable; thread-safe.
 *
 * @param total how many
 * @param night how many at night (the workspace's night hours); 0 for reports
 * @param byCategory counts per category code (lower case)
 */
public record EventCounts(int total, int night, Map<String, Integer> byCategory) {
  /** Categories named one by one; the rest are summed. */
  static final int NAMED_CATEGORIES = 4;

  private static final double METERS_PER_DEGREE = 111_320;

  public EventCounts {
    byCategory = Map.copyOf(new TreeMap<>(byCategory));
  }

  public static final EventCounts NONE = new EventCounts(0, 0, Map.of());

  /** Counts of these category codes, {@code night} of them at night. */
  public static EventCounts of(List<String> categories, int night) {
    return new EventCounts(
        categories.size(),
        night,
        categories.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.toLowerCase(java.util.Locale.ROOT), Collectors.summingInt(c -> 1))));
  }

  /**
   * The incidents within {@code radiusMeters} (in the workspace's CRS) of a point, counted by
   * category and by the workspace's night hours in its time zone.
   */
  public static EventCounts near(
      LayerStore layers, Workspace workspace, LonLat centre, double radiusMeters) {
    XY c = workspace.crs().toXY(centre);
    double dLat = 1.1 * radiusMeters / METERS_PER_DEGREE;
    double dLon = dLat / Math.max(0.05, Math.cos(Math.toRadians(centre.lat())));
    Bbox box =
        new Bbox(
            centre.lon() - dLon, centre.lat() - dLat, centre.lon() + dLon, centre.lat() + dLat);
    List<String> categories = new ArrayList<>();
    int[] night = {0};
    HourWindow hours = workspace.settings().night();
    layers.scan(
        workspace.id(),
        Layer.INCIDENTS,
        LayerQuery.ALL.withBbox(box),
        r -> {
          Incident i = (Incident) r;
          XY p = workspace.crs().toXY(i.location());
          if (Math.hypot(p.x() - c.x(), p.y() - c.y()) <= radiusMeters) {
            categories.add(i.category());
            if (hours.contains(i.occurredAt().atZone(workspace.timeZone()).getHour())) {
              night[0]++;
            }
          }
        });
    return of(categories, night[0]);
  }

  /**
   * "Stöld 5, Misshandel 3, Skadegörelse 2, Rån 1 och 2 övriga" / "Theft 5, …, and 2 other": the
   * commonest categories first (ties by name), at most {@value #NAMED_CATEGORIES} named.
   */
  public String categories(WorkspaceSettings settings, Lang lang) {
    List<Map.Entry<String, Integer>> sorted =
        byCategory.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    StringBuilder s = new StringBuilder();
    int rest = 0;
    for (int i = 0; i < sorted.size(); i++) {
      var e = sorted.get(i);
      if (i < NAMED_CATEGORIES) {
        if (i > 0) {
          s.append(", ");
        }
        s.append(settings.categoryName(e.getKey()).in(lang.locale()))
            .append(' ')
            .append(lang.integer(e.getValue()));
      } else {
        rest += e.getValue();
      }
    }
    if (rest > 0) {
      s.append(lang == Lang.SV ? " och " : ", and ")
          .append(lang.integer(rest))
          .append(lang == Lang.SV ? " övriga" : " other");
    }
    return s.toString();
  }

  /**
   * Incidents within a radius: "12 händelser inom 75 m, varav 9 kl. 18–06: Stöld 5, …" / "12
   * incidents within 75 m, 9 of them at 18:00–06:00: Theft 5, …"; empty for none.
   */
  public Text incidents(WorkspaceSettings settings, double radiusMeters) {
    if (total == 0) {
      return lang -> "";
    }
    HourWindow nightHours = settings.night();
    return lang ->
        (lang == Lang.SV
                ? lang.integer(total)
                    + (total == 1 ? " händelse" : " händelser")
                    + " inom "
                    + lang.distance(radiusMeters)
                    + ", varav "
                    + lang.integer(night)
                    + " "
                    + lang.hours(nightHours)
                : lang.integer(total)
                    + (total == 1 ? " incident" : " incidents")
                    + " within "
                    + lang.distance(radiusMeters)
                    + ", "
                    + lang.integer(night)
                    + " of them at "
                    + lang.hours(nightHours))
            + ": "
            + categories(settings, lang);
  }

  /** Unsafe-place reports: "3 trygghetsrapporter: Mörker 2, Folktomt 1" / "3 reports: …". */
  public Text reports(WorkspaceSettings settings) {
    return lang ->
        (lang == Lang.SV
                ? lang.integer(total) + (total == 1 ? " trygghetsrapport" : " trygghetsrapporter")
                : lang.integer(total)
                    + (total == 1 ? " unsafe-place report" : " unsafe-place reports"))
            + ": "
            + categories(settings, lang);
  }
}
