package se.tryggkarta.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;

/**
 * Exit codes: 0 done, 1 unexpected failure, 2 bad input (picocli's own usage errors too), 3 the
 * store or a resource is unavailable, 4 not found, 5 conflict.
 */
public final class ExitCodes {
  private ExitCodes() {}

  public static int handle(Exception e, CommandLine cli, ParseResult parsed) {
    if (e instanceof DomainException d) {
      cli.getErr().println("tryggkarta: " + oneLine(d));
      return switch (d.kind()) {
        case UNAVAILABLE, RATE_LIMITED -> 3;
        case NOT_FOUND -> 4;
        case CONFLICT -> 5;
        default -> 2;
      };
    }
    cli.getErr().println("tryggkarta: unexpected error: " + e);
    return 1;
  }

  private static String oneLine(DomainException d) {
    StringBuilder s = new StringBuilder(d.getMessage());
    if (!d.errors().isEmpty() && d.kind() == ErrorKind.INVALID_INPUT) {
      var first = d.errors().get(0);
      if (!d.getMessage().contains(first.reason())) {
        s.append(" (first: ").append(first).append(")");
      }
      if (d.errors().size() > 1) {
        s.append(" and ").append(d.errors().size() - 1).append(" more");
      }
    }
    return s.toString().replace('\n', ' ');
  }
}
