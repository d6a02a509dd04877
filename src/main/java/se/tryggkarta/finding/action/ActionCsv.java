package se.tryggkarta.finding.action;

import java.time.LocalDate;
import java.util.List;
import se.tryggkarta.finding.CsvCells;

/**
 * The actions list as CSV for the municipality's own systems: one row per action with its current
 * status, since when, and whether it is overdue. Text cells are neutralised against formula
 * injection ({@link CsvCells#text}). Stateless.
 */
public final class ActionCsv {
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "finding_id",
          "title",
          "owner",
          "status",
          "status_sv",
          "status_since",
          "reason",
          "due_on",
          "overdue",
          "cost_estimate_sek",
          "link_kind",
          "link_id",
          "commitment_id");

  private ActionCsv() {}

  public static String csv(List<Action> actions, LocalDate today) {
    StringBuilder b = new StringBuilder();
    CsvCells.row(b, COLUMNS);
    for (Action a : actions) {
      StatusChange last = a.history().get(a.history().size() - 1);
      CsvCells.row(
          b,
          List.of(
              CsvCells.text(a.id()),
              CsvCells.text(a.findingId().orElse("")),
              CsvCells.text(a.title()),
              CsvCells.text(a.owner()),
              a.status().slug(),
              a.status().swedish(),
              last.at().toString(),
              CsvCells.text(last.reason().orElse("")),
              a.dueOn().map(LocalDate::toString).orElse(""),
              Boolean.toString(a.overdueOn(today)),
              a.costEstimateSek().isPresent() ? Long.toString(a.costEstimateSek().getAsLong()) : "",
              a.link().map(l -> l.kind().slug()).orElse(""),
              CsvCells.text(a.link().map(ActionLink::id).orElse("")),
              CsvCells.text(a.commitmentId().orElse(""))));
    }
    return b.toString();
  }
}
