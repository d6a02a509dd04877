package se.tryggkarta.commitment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import se.tryggkarta.commitment.progress.Milestone;
import se.tryggkarta.commitment.progress.Pacing;
import se.tryggkarta.common.DomainException;

/**
 * A citizen promise (medborgarlöfte) or one of its measures.
 *
 * @param id a lower-case slug unique in the workspace, for example {@code narvaro-resecentrum}
 * @param title a short Swedish title
 * @param text the promise as published (may be empty)
 * @param responsible who delivers it: {@code police}, {@code municipality}, {@code joint} or the
 *     name of another actor
 * @param kind what kind of measure it is
 * @param periodStart the first day of the period (a local date in the workspace's zone)
 * @param periodEnd the last day of the period, inclusive; not before {@code periodStart}
 * @param target the promised count ("at least 500"), when the promise is countable; ≥ 0
 * @param milestones intermediate goals the expectation runs through; empty for a linear pace
 * @param places where it is promised; empty for promises not bound to places
 * @param categories the incident categories it addresses (lower case), used to count incidents
 * @param state its state as the owners set it
 */
public record Commitment(
    String id,
    String title,
    String text,
    String responsible,
    CommitmentKind kind,
    LocalDate periodStart,
    LocalDate periodEnd,
    OptionalLong target,
    List<Milestone> milestones,
    List<CommitmentPlace> places,
    Set<String> categories,
    CommitmentState state) {
  /** The longest period accepted, in years; promises run one to three years. */
  public static final int MAX_PERIOD_YEARS = 10;

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$");

  public Commitment {
    if (id == null || !SLUG.matcher(id).matches()) {
      throw DomainException.invalid(
          "id",
          "commitment id must be a lower-case slug of letters, digits or '-' (1-80), was '"
              + id
              + "'");
    }
    if (title == null || title.isBlank()) {
      throw DomainException.invalid("title", "title must not be blank");
    }
    title = title.strip();
    if (title.length() > 300) {
      throw DomainException.invalid("title", "title is longer than 300 characters");
    }
    text = text == null ? "" : text.strip();
    if (text.length() > 20_000) {
      throw DomainException.invalid("text", "text is longer than 20000 characters");
    }
    if (responsible == null || responsible.isBlank()) {
      throw DomainException.invalid(
          "responsible", "responsible must be police, municipality, joint or a named actor");
    }
    responsible = responsible.strip();
    if (responsible.length() > 200) {
      throw DomainException.invalid("responsible", "responsible is longer than 200 characters");
    }
    Objects.requireNonNull(kind, "kind");
    if (periodStart == null) {
      throw DomainException.invalid("periodStart", "periodStart is required");
    }
    if (periodEnd == null) {
      throw DomainException.invalid("periodEnd", "periodEnd is required");
    }
    if (periodEnd.isBefore(periodStart)) {
      throw DomainException.invalid(
          "periodEnd",
          "the period ends (" + periodEnd + ") before it starts (" + periodStart + ")");
    }
    if (ChronoUnit.YEARS.between(periodStart, periodEnd) >= MAX_PERIOD_YEARS) {
      throw DomainException.invalid(
          "periodEnd", "the period is longer than " + MAX_PERIOD_YEARS + " years");
    }
    Objects.requireNonNull(target, "target");
    if (target.isPresent() && target.getAsLong() < 0) {
      throw DomainException.invalid("target", "target must be >= 0, was " + target.getAsLong());
    }
    milestones = List.copyOf(milestones);
    Pacing.checkMilestones(periodStart, periodEnd, target, milestones);
    places = List.copyOf(places);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < places.size(); i++) {
      if (!names.add(places.get(i).name().toLowerCase(Locale.ROOT))) {
        throw DomainException.invalid(
            "places/" + i + "/name", "place name '" + places.get(i).name() + "' is repeated");
      }
    }
    Set<String> cats = new TreeSet<>();
    for (String c : categories) {
      if (c == null || c.isBlank()) {
        throw DomainException.invalid("categories", "categories must not be blank");
      }
      cats.add(c.strip().toLowerCase(Locale.ROOT));
    }
    categories = java.util.Collections.unmodifiableSet(cats);
    Objects.requireNonNull(state, "state");
  }

  public Commitment withPlaces(List<CommitmentPlace> resolved) {
    return new Commitment(
        id,
        title,
        text,
        responsible,
        kind,
        periodStart,
        periodEnd,
        target,
        milestones,
        resolved,
        categories,
        state);
  }

  /** Whether the local date lies in the period. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
  }
}
