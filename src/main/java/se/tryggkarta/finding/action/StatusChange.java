package se.tryggkarta.finding.action;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;

/**
 * One entry of an action's history.
 *
 * @param status the status it moved to
 * @param at when
 * @param by who changed it
 * @param reason why; required for {@link ActionStatus#REJECTED}
 */
public record StatusChange(ActionStatus status, Instant at, String by, Optional<String> reason) {
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    by = by == null || by.isBlank() ? "okänd" : by.strip();
    if (by.length() > 200) {
      throw DomainException.invalid("by", "by is longer than 200 characters");
    }
    reason = Objects.requireNonNull(reason, "reason").map(String::strip).filter(r -> !r.isEmpty());
    if (reason.isPresent() && reason.get().length() > 2000) {
      throw DomainException.invalid("reason", "reason is longer than 2000 characters");
    }
    if (status == ActionStatus.REJECTED && reason.isEmpty()) {
      throw DomainException.invalid("reason", "a rejected action needs a reason");
    }
  }
}
