package se.tryggkarta.finding.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.finding.RecordIds;

/**
 * An action (åtgärd) that a finding proposes.
 *
 * @param id the action's id
 * @param findingId the finding that proposed it, if any
 * @param title what is to be done
 * @param owner the organisation that owns it: the street unit, a property owner, the police
 * @param dueOn when it should be done
 * @param costEstimateSek estimated cost in Swedish kronor, ≥ 0
 * @param link the lamp or lighting work-list item it concerns
 * @param commitmentId the commitment it counts towards when done
 * @param history every status it has had, oldest first; never empty
 */
public record Action(
    String id,
    Optional<String> findingId,
    String title,
    String owner,
    Optional<LocalDate> dueOn,
    OptionalLong costEstimateSek,
    Optional<ActionLink> link,
    Optional<String> commitmentId,
    List<StatusChange> history) {
  public Action {
    RecordIds.check("id", id);
    Objects.requireNonNull(findingId, "findingId").ifPresent(f -> RecordIds.check("findingId", f));
    title = requireText("title", title, 300);
    owner = requireText("owner", owner, 200);
    Objects.requireNonNull(dueOn, "dueOn");
    Objects.requireNonNull(costEstimateSek, "costEstimateSek");
    if (costEstimateSek.isPresent() && costEstimateSek.getAsLong() < 0) {
      throw DomainException.invalid(
          "costEstimateSek", "costEstimateSek must be >= 0, was " + costEstimateSek.getAsLong());
    }
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(commitmentId, "commitmentId");
    history = List.copyOf(history);
    if (history.isEmpty()) {
      throw DomainException.invalid("history", "an action has at least one status");
    }
  }

  private static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, field + " is required");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw DomainException.invalid(field, field + " is longer than " + max + " characters");
    }
    return v;
  }

  public ActionStatus status() {
    return history.get(history.size() - 1).status();
  }

  /** When it was proposed (its first history entry). */
  public Instant createdAt() {
    return history.get(0).at();
  }

  /** When it reached its status. */
  public Instant statusSince() {
    return history.get(history.size() - 1).at();
  }

  /** Open and past its due date on {@code day}. */
  public boolean overdueOn(LocalDate day) {
    return status().isOpen() && dueOn.isPresent() && dueOn.get().isBefore(day);
  }

  /** This action with one more history entry; CONFLICT-free checks are the service's. */
  public Action withStatus(StatusChange change) {
    List<StatusChange> h = new ArrayList<>(history);
    h.add(change);
    return new Action(id, findingId, title, owner, dueOn, costEstimateSek, link, commitmentId, h);
  }

  /** The same action with the other's editable fields (everything but id and history). */
  public Action withFields(Action o) {
    return new Action(
        id,
        o.findingId,
        o.title,
        o.owner,
        o.dueOn,
        o.costEstimateSek,
        o.link,
        o.commitmentId,
        history);
  }
}
