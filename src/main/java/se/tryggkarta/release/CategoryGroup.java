package se.tryggkarta.release;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.workspace.CategoryName;

/**
 * A set of category codes a workspace publishes as one: "Våld" for misshandel, olaga hot, rån… The
 * groups of one layer are disjoint, so every event counts in exactly one group (and in the implicit
 * group {@value #ALL} that sums them): that is what lets one event change one cell of one table,
 * the sensitivity the noise is scaled to.
 *
 * @param id a lower-case slug callers use ({@code group=vald})
 * @param name how the group reads
 * @param categories the category codes, lower case
 */
public record CategoryGroup(String id, CategoryName name, Set<String> categories) {
  /** The implicit group of every event of the layer. */
  public static final String ALL = "alla";

  /** Events whose category is in no group count here (and in {@value #ALL}). */
  public static final String OTHER = "ovrigt";

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

  public CategoryGroup {
    if (id == null || !SLUG.matcher(id).matches() || id.equals(ALL) || id.equals(OTHER)) {
      throw DomainException.invalid(
          "id",
          "a group id must be a lower-case slug of 1..40 characters other than 'alla' and"
              + " 'ovrigt', was '"
              + id
              + "'");
    }
    if (name == null) {
      throw DomainException.invalid("name", "group '" + id + "' needs a name {sv, en}");
    }
    if (categories == null || categories.isEmpty()) {
      throw DomainException.invalid("categories", "group '" + id + "' needs categories");
    }
    TreeSet<String> lower = new TreeSet<>();
    for (String c : categories) {
      if (c == null || c.isBlank()) {
        throw DomainException.invalid("categories", "group '" + id + "' has a blank category");
      }
      lower.add(c.strip().toLowerCase(Locale.ROOT));
    }
    categories = Set.copyOf(lower);
  }
}
