package se.tryggkarta.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one unchecked exception domain code throws for expected failures. It names what kind of
 * failure it is and, where one input is to blame, which field; an import failure carries the list
 * of per-record errors. Never carries a stack trace to the user: the HTTP and CLI layers show only
 * the message and the errors.
 */
public class DomainException extends RuntimeException {
  private final ErrorKind kind;
  private final Optional<String> field;
  private final List<FieldError> errors;

  public DomainException(ErrorKind kind, String message) {
    this(kind, message, Optional.empty(), List.of(), null);
  }

  public DomainException(ErrorKind kind, String field, String message) {
    this(kind, message, Optional.of(field), List.of(FieldError.ofField(field, message)), null);
  }

  public DomainException(
      ErrorKind kind,
      String message,
      Optional<String> field,
      List<FieldError> errors,
      Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.field = Objects.requireNonNull(field, "field");
    this.errors = List.copyOf(errors);
  }

  /** An {@link ErrorKind#INVALID_INPUT} error naming the bad field or parameter. */
  public static DomainException invalid(String field, String message) {
    return new DomainException(ErrorKind.INVALID_INPUT, field, message);
  }

  /** An {@link ErrorKind#NOT_FOUND} error for a missing thing of the given kind and id. */
  public static DomainException notFound(String what, String id) {
    return new DomainException(ErrorKind.NOT_FOUND, what + " '" + id + "' not found");
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The offending field or parameter, when one is to blame. */
  public Optional<String> field() {
    return field;
  }

  /** Per-record or per-field errors; empty when the message says it all. */
  public List<FieldError> errors() {
    return errors;
  }
}
