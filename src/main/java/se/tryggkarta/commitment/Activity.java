package se.tryggkarta.commitment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * One logged activity: a patrol, an operation, a check, a walk, a mailing.
 *
 * @param id unique within its commitment (letters, digits, '-', '_'; 1-64)
 * @param commitmentId the commitment it counts towards
 * @param occurredAt when it took place
 * @param count how many the entry stands for (1..100000; a mailing to 300 homes is one)
 * @param location where it took place (WGS84), when recorded
 * @param place the commitment place it is attributed to: given, or found from the location
 * @param outsidePlaces true when accepted although outside every promised place (by explicit
 *     request); such entries do not count towards the target
 * @param note free text; shown only to analysts unless {@code notePublic}
 * @param notePublic whether the note may be published in the public follow-up
 * @param loggedBy who logged it
 */
public record Activity(
    String id,
    String commitmentId,
    Instant occurredAt,
    long count,
    Optional<LonLat> location,
    Optional<String> place,
    boolean outsidePlaces,
    Optional<String> note,
    boolean notePublic,
    String loggedBy) {
  public static final long MAX_COUNT = 100_000;
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  public Activity {
    if (id == null || !ID.matcher(id).matches()) {
      throw DomainException.invalid(
          "id", "activity id must be 1-64 of A-Z a-z 0-9 _ -, was '" + id + "'");
    }
    Objects.requireNonNull(commitmentId, "commitmentId");
    if (occurredAt == null) {
      throw DomainException.invalid("occurredAt", "occurredAt is required");
    }
    if (count < 1 || count > MAX_COUNT) {
      throw DomainException.invalid("count", "count must be 1.." + MAX_COUNT + ", was " + count);
    }
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(note, "note");
    note = note.map(String::strip).filter(n -> !n.isEmpty());
    if (note.isPresent() && note.get().length() > 4000) {
      throw DomainException.invalid("note", "note is longer than 4000 characters");
    }
    loggedBy = loggedBy == null || loggedBy.isBlank() ? "okänd" : loggedBy.strip();
    if (loggedBy.length() > 200) {
      throw DomainException.invalid("loggedBy", "loggedBy is longer than 200 characters");
    }
  }

  /** Whether it counts towards the commitment's target. */
  public boolean counts() {
    return !outsidePlaces;
  }

  public Activity withAttribution(Optional<String> placeName, boolean outside) {
    return new Activity(
        id,
        commitmentId,
        occurredAt,
        count,
        location,
        placeName,
        outside,
        note,
        notePublic,
        loggedBy);
  }
}
