package se.tryggkarta.workspace;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;

/**
 * What one workspace's analyses and texts share beyond its geography.
 *
 * @param night the local hours that count as night ({@code from} inclusive, {@code to} exclusive,
 *     wrapping midnight): one definition for walks, lighting, the map's night filter and the public
 *     releases' night slice. Default 18–06.
 * @param categoryNames display names of category codes (lower case) that this workspace sets; they
 *     override {@link #DEFAULT}'s table, which covers the Police's common event types and the
 *     demo's codes
 */
public record WorkspaceSettings(HourWindow night, Map<String, CategoryName> categoryNames) {
  /** Night 18–06 and no names of its own (the default table applies). */
  public static final WorkspaceSettings DEFAULT =
      new WorkspaceSettings(new HourWindow(18, 6), Map.of());

  /** At most this many names of its own per workspace. */
  public static final int MAX_CATEGORY_NAMES = 1000;

  public WorkspaceSettings {
    Objects.requireNonNull(night, "night");
    Objects.requireNonNull(categoryNames, "categoryNames");
    if (categoryNames.size() > MAX_CATEGORY_NAMES) {
      throw DomainException.invalid(
          "categoryNames",
          "at most " + MAX_CATEGORY_NAMES + " category names, was " + categoryNames.size());
    }
    Map<String, CategoryName> lower = new LinkedHashMap<>();
    for (var e : categoryNames.entrySet()) {
      String code = e.getKey() == null ? "" : e.getKey().strip().toLowerCase(Locale.ROOT);
      if (code.isEmpty() || code.length() > 100) {
        throw DomainException.invalid(
            "categoryNames", "category codes must be 1..100 characters, was '" + e.getKey() + "'");
      }
      lower.put(code, Objects.requireNonNull(e.getValue(), "name of " + code));
    }
    categoryNames = Map.copyOf(lower);
  }

  /** The display name of a category code: the workspace's own, else the default, else the code. */
  public CategoryName categoryName(String code) {
    String key = code.strip().toLowerCase(Locale.ROOT);
    CategoryName own = categoryNames.get(key);
    if (own != null) {
      return own;
    }
    CategoryName d = DefaultCategoryNames.TABLE.get(key);
    return d != null ? d : CategoryName.ofCode(code.strip());
  }

  /** Every name in force: the default table overlaid with the workspace's own. */
  public Map<String, CategoryName> effectiveCategoryNames() {
    Map<String, CategoryName> all = new LinkedHashMap<>(DefaultCategoryNames.TABLE);
    all.putAll(categoryNames);
    return all;
  }

  public WorkspaceSettings withNight(HourWindow n) {
    return new WorkspaceSettings(n, categoryNames);
  }

  public WorkspaceSettings withCategoryNames(Map<String, CategoryName> names) {
    return new WorkspaceSettings(night, names);
  }
}
