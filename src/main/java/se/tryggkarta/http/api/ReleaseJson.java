package se.tryggkarta.http.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.release.ProtectedCounts;
import se.tryggkarta.release.Release;
import se.tryggkarta.release.ReleasePeriod;
import se.tryggkarta.release.ReleaseSelection;
import se.tryggkarta.release.ReleaseService;
import se.tryggkarta.release.Slice;

/** JSON shapes of public releases: the catalogue, and the metadata every public answer carries. */
final class ReleaseJson {
  private static final Locale SV = Locale.forLanguageTag("sv");

  private ReleaseJson() {}

  /** What the public may ask for (GET …/releases). */
  static Map<String, Object> catalog(ReleaseService.Catalog c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workspace", c.workspace().id());
    m.put("default", c.defaultPeriod());
    List<Object> periods = new ArrayList<>();
    for (ReleasePeriod p : c.periods()) {
      periods.add(period(p));
    }
    m.put("periods", periods);
    m.put("layers", c.settings().layers().stream().map(Layer::slug).toList());
    Map<String, Object> groups = new LinkedHashMap<>();
    for (var e : c.groups().entrySet()) {
      List<Object> list = new ArrayList<>();
      for (ReleaseService.GroupChoice g : e.getValue()) {
        Map<String, Object> go = new LinkedHashMap<>();
        go.put("id", g.id());
        go.put("name", Map.of("sv", g.name().sv(), "en", g.name().en()));
        go.put("categories", g.categories().stream().sorted().toList());
        list.add(go);
      }
      groups.put(e.getKey().slug(), list);
    }
    m.put("groups", groups);
    m.put("slices", List.of(Slice.ALL.slug(), Slice.NIGHT.slug()));
    m.put("night", c.workspace().settings().night().text());
    m.put("mechanism", mechanism(c.mechanism()));
    return m;
  }

  static Map<String, Object> period(ReleasePeriod p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", p.id());
    o.put("kind", p.kind().slug());
    o.put("from", p.first().atDay(1).toString());
    o.put("to", p.last().atEndOfMonth().toString());
    o.put("label", Map.of("sv", p.label(SV), "en", p.label(Locale.ENGLISH)));
    return o;
  }

  static Map<String, Object> mechanism(Release.Mechanism mech) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", Release.Mechanism.NAME);
    o.put("epsilonPerMonth", mech.epsilonPerMonth());
    o.put("k", mech.k());
    o.put("cellMeters", mech.cellMeters());
    o.put("bandwidthMeters", mech.bandwidthMeters());
    o.put("noiseSdPerCellMonth", mech.noiseSdPerCellMonth());
    o.put("maxVersionsPerMonth", mech.maxVersionsPerMonth());
    return o;
  }

  /** The metadata of the release a public answer derives from. */
  static Map<String, Object> release(Release r, ReleaseSelection sel) {
    ProtectedCounts c = r.counts(sel.slice(), sel.group());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("period", period(r.period()));
    o.put("layer", r.layer().slug());
    o.put("group", sel.group());
    o.put("slice", sel.slice().slug());
    o.put("dataVersion", r.dataVersion());
    o.put("madeAt", r.madeAt().toString());
    o.put("mechanism", mechanism(r.mechanism()));
    o.put("threshold", c.threshold());
    o.put("extent", r.extent());
    List<Object> months = new ArrayList<>();
    for (Release.MonthVersion mv : r.months()) {
      Map<String, Object> mo = new LinkedHashMap<>();
      mo.put("month", mv.month().toString());
      mo.put("version", mv.version());
      mo.put("versionsPublished", mv.versionsPublished());
      mo.put("withheld", mv.withheld());
      months.add(mo);
    }
    o.put("months", months);
    return o;
  }
}
