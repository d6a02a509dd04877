package se.tryggkarta.finding.tip;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.finding.ChecklistCategory;
import se.tryggkarta.finding.RecordIds;

/**
 * A citizen's tip about an unsafe place.
 *
 * @param id the tip's id
 * @param location the place, WGS84
 * @param category what makes it unsafe, as a checklist line
 * @param text the citizen's words, at most {@value #MAX_TEXT_LENGTH} characters; personal data, for
 *     the workspace's analysts only
 * @param submittedAt when it came in
 * @param clientKey a hash of the sender's address and the day, for the daily limit (not reversible,
 *     and different every day, so tips cannot be linked across days)
 * @param moderation where it stands
 * @param moderatedBy who approved or rejected it
 */
public record Tip(
    String id,
    LonLat location,
    ChecklistCategory category,
    Optional<String> text,
    Instant submittedAt,
    String clientKey,
    Moderation moderation,
    Optional<String> moderatedBy) {
  public static final int MAX_TEXT_LENGTH = 1000;

  public Tip {
    RecordIds.check("id", id);
    if (location == null) {
      throw DomainException.invalid("location", "location [lon, lat] is required");
    }
    if (category == null) {
      throw DomainException.invalid("category", "category is required");
    }
    text = Objects.requireNonNull(text, "text").map(String::strip).filter(t -> !t.isEmpty());
    if (text.isPresent() && text.get().length() > MAX_TEXT_LENGTH) {
      throw DomainException.invalid(
          "text", "text may be at most " + MAX_TEXT_LENGTH + " characters");
    }
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(moderation, "moderation");
    Objects.requireNonNull(moderatedBy, "moderatedBy");
  }

  public Tip moderated(Moderation m, String by) {
    return new Tip(id, location, category, text, submittedAt, clientKey, m, Optional.of(by));
  }
}
