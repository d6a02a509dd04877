package se.tryggkarta.common;

/**
 * What went wrong, independent of the transport. The HTTP layer maps each kind to one status code;
 * the CLI maps every kind to a non-zero exit.
 */
public enum ErrorKind {
  /** The input is malformed or out of range (a bad parameter, a broken file). */
  INVALID_INPUT,
  /** The input is well-formed but cannot be acted on (a stop that cannot be reached). */
  UNPROCESSABLE,
  /** The named workspace, record or resource does not exist (or is not visible to the caller). */
  NOT_FOUND,
  /** The request clashes with the stored state (a workspace id already taken). */
  CONFLICT,
  /** No valid credentials were given. */
  UNAUTHENTICATED,
  /** Credentials were valid but do not allow this. */
  FORBIDDEN,
  /** A body or a requested result is larger than the configured limit. */
  TOO_LARGE,
  /** The body's format is not one this endpoint reads. */
  UNSUPPORTED_FORMAT,
  /** Too many requests from one client (failed logins) or too much work queued. */
  RATE_LIMITED,
  /** A dependency (the database) is down; retrying later may succeed. */
  UNAVAILABLE
}
