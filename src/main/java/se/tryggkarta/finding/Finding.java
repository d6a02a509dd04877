package se.tryggkarta.finding;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.LonLat;

/**
 * One thing a safety walk found: a broken lamp, a hedge blocking the sight line, a dark underpass.
 *
 * @param id the finding's id, made by the phone that recorded it
 * @param location where it is (the phone's GPS or a tap on the map), WGS84
 * @param walkId the walk it was found on, if any
 * @param stopNumber the walk's stop it belongs to, if any
 * @param category the protocol's checklist line it answers
 * @param severity 1 (minor) to 3 (serious)
 * @param note free text; personal data, for the workspace's analysts only
 * @param photoIds the ids of its photos (in the {@link PhotoStore}), at most {@value #MAX_PHOTOS}
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded (on the phone)
 * @param revision 1 when created, one more with every change (optimistic concurrency)
 */
public record Finding(
    String id,
    LonLat location,
    Optional<String> walkId,
    OptionalInt stopNumber,
    ChecklistCategory category,
    int severity,
    Optional<String> note,
    List<String> photoIds,
    String recordedBy,
    Instant recordedAt,
    int revision) {
  public static final int MAX_PHOTOS = 5;
  public static final int MAX_NOTE_LENGTH = 4000;

  public Finding {
    RecordIds.check("id", id);
    if (location == null) {
      throw DomainException.invalid("location", "location [lon, lat] is required");
    }
    Objects.requireNonNull(walkId, "walkId").ifPresent(w -> RecordIds.check("walkId", w));
    Objects.requireNonNull(stopNumber, "stopNumber");
    if (category == null) {
      throw DomainException.invalid("category", "category is required");
    }
    if (severity < 1 || severity > 3) {
      throw DomainException.invalid("severity", "severity must be 1, 2 or 3, was " + severity);
    }
    note =
        Objects.requireNonNull(note, "note")
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .map(n -> RecordIds.limit("note", n, MAX_NOTE_LENGTH));
    photoIds = List.copyOf(photoIds);
    if (photoIds.size() > MAX_PHOTOS) {
      throw DomainException.invalid(
          "photos", "at most " + MAX_PHOTOS + " photos per finding, was " + photoIds.size());
    }
    recordedBy =
        recordedBy == null || recordedBy.isBlank()
            ? "okänd"
            : RecordIds.limit("recordedBy", recordedBy.strip(), 200);
    if (recordedAt == null) {
      throw DomainException.invalid("recordedAt", "recordedAt is required");
    }
    if (revision < 1) {
      throw DomainException.invalid("revision", "revision must be >= 1, was " + revision);
    }
  }

  /**
   * Whether the other says the same as this one, ignoring revision and photos (which the server
   * keeps): a phone that syncs the same finding again sends the same content.
   */
  public boolean sameContentAs(Finding o) {
    return location.equals(o.location)
        && walkId.equals(o.walkId)
        && stopNumber.equals(o.stopNumber)
        && category == o.category
        && severity == o.severity
        && note.equals(o.note)
        && recordedBy.equals(o.recordedBy)
        && recordedAt.equals(o.recordedAt);
  }

  public Finding withRevision(int r) {
    return new Finding(
        id,
        location,
        walkId,
        stopNumber,
        category,
        severity,
        note,
        photoIds,
        recordedBy,
        recordedAt,
        r);
  }

  public Finding withPhotoIds(List<String> ids) {
    return new Finding(
        id,
        location,
        walkId,
        stopNumber,
        category,
        severity,
        note,
        ids,
        recordedBy,
        recordedAt,
        revision);
  }

  /** The same finding without its personal data (note, photos), for viewers. */
  public Finding withoutPersonalData() {
    return new Finding(
        id,
        location,
        walkId,
        stopNumber,
        category,
        severity,
        Optional.empty(),
        List.of(),
        recordedBy,
        recordedAt,
        revision);
  }
}
