package se.tryggkarta.common;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem with one field of one input record.
 *
 * @param record the 1-based record number (feature index, or CSV line number counting the header)
 *     when the problem belongs to a record of an uploaded file; empty for request parameters
 * @param field the field or parameter name, for example {@code occurred_at} or {@code bandwidth}
 * @param reason a short human-readable reason, including the bad value where that helps
 */
public record FieldError(Optional<Long> record, String field, String reason) {
  public FieldError {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  public static FieldError ofRecord(long record, String field, String reason) {
    return new FieldError(Optional.of(record), field, reason);
  }

  public static FieldError ofField(String field, String reason) {
    return new FieldError(Optional.empty(), field, reason);
  }

  @Override
  public String toString() {
    return record.map(r -> "record " + r + ", ").orElse("") + field + ": " + reason;
  }
}
