/**
 * The picocli subcommands of {@code tryggkarta}. Each command parses its options into a {@link
 * se.tryggkarta.AppConfig} or a request record, calls one service through {@link
 * se.tryggkarta.Wiring}, and prints. Domain errors become one line on stderr and exit code 2 (bad
 * input) or 3 (unavailable); see {@link se.tryggkarta.cli.ExitCodes}.
 */
package se.tryggkarta.cli;
