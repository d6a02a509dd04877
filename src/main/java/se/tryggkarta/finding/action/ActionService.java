package se.tryggkarta.finding.action;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.commitment.Activity;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.finding.FindingJson;
import se.tryggkarta.finding.FindingReferences;
import se.tryggkarta.finding.FindingService;
import se.tryggkarta.finding.JsonFields;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Actions and their life cycle. A new action is proposed; {@link #changeStatus} appends to its
 * history when the move is allowed ({@link ActionStatus#canMoveTo}; else CONFLICT, field {@code
 * status}). When an action linked to a commitment is done, the commitment gets one activity {@code
 * action-<id>} on that day, at the finding's position (counted in the commitment's place it lies
 * in, kept but not counted when it lies outside all of them), so closing a lighting action advances
 * "bättre belysning". Throws NOT_FOUND for an unknown workspace, action, finding or commitment.
 * Thread-safe.
 */
public final class ActionService implements FindingReferences {
  public static final String ACTIONS = "actions";

  private final WorkspaceService workspaces;
  private final DocumentStore documents;
  private final CommitmentService commitments;
  private final Clock clock;

  public ActionService(
      WorkspaceService workspaces,
      DocumentStore documents,
      CommitmentService commitments,
      Clock clock) {
    this.workspaces = workspaces;
    this.documents = documents;
    this.commitments = commitments;
    this.clock = clock;
  }

  /** Today in the workspace's zone. */
  public LocalDate today(String workspaceId) {
    return LocalDate.now(clock.withZone(workspaces.getWorkspace(workspaceId).timeZone()));
  }

  /**
   * Stores a new action (its history as given, normally one "proposed" entry). CONFLICT when its id
   * is taken; the finding and commitment must exist when named.
   */
  public Action create(String workspaceId, Action a) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    if (findAction(w.id(), a.id()).isPresent()) {
      throw new DomainException(ErrorKind.CONFLICT, "id", "action '" + a.id() + "' exists");
    }
    checkReferences(w.id(), a);
    put(w.id(), a);
    return a;
  }

  /** Changes an open action's fields; its history stays. CONFLICT for a done or rejected one. */
  public Action update(String workspaceId, String actionId, Action fields) {
    Action stored = getAction(workspaceId, actionId);
    if (stored.status().isFinal()) {
      throw new DomainException(
          ErrorKind.CONFLICT,
          "status",
          "action '" + actionId + "' is " + stored.status().slug() + " and can no longer change");
    }
    checkReferences(workspaceId, fields);
    Action next = stored.withFields(fields);
    put(workspaceId, next);
    return next;
  }

  private void checkReferences(String ws, Action a) {
    if (a.findingId().isPresent()
        && documents.findDocument(FindingService.FINDINGS, ws, a.findingId().get()).isEmpty()) {
      throw DomainException.invalid("findingId", "no finding '" + a.findingId().get() + "'");
    }
    if (a.commitmentId().isPresent()
        && commitments.findCommitment(ws, a.commitmentId().get()).isEmpty()) {
      throw DomainException.invalid(
          "commitmentId", "no commitment '" + a.commitmentId().get() + "'");
    }
  }

  /** Moves an action to a new status and, when it is done, counts it in its commitment. */
  public StatusResult changeStatus(String workspaceId, String actionId, StatusChange change) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Action stored = getAction(w.id(), actionId);
    if (!stored.status().canMoveTo(change.status())) {
      throw new DomainException(
          ErrorKind.CONFLICT,
          "status",
          "action '"
              + actionId
              + "' cannot move from "
              + stored.status().slug()
              + " to "
              + change.status().slug());
    }
    if (change.at().isBefore(stored.statusSince())) {
      throw DomainException.invalid("at", "the change predates the action's last change");
    }
    if (change.at().isAfter(clock.instant().plusSeconds(300))) {
      throw DomainException.invalid("at", "the change lies in the future");
    }
    Action next = stored.withStatus(change);
    List<String> warnings = new ArrayList<>();
    if (change.status() == ActionStatus.DONE && next.commitmentId().isPresent()) {
      countInCommitment(w, next, change, warnings);
    }
    put(w.id(), next);
    return new StatusResult(next, warnings);
  }

  private void countInCommitment(Workspace w, Action a, StatusChange done, List<String> warnings) {
    Optional<Commitment> c = commitments.findCommitment(w.id(), a.commitmentId().get());
    LocalDate day = LocalDate.ofInstant(done.at(), w.timeZone());
    if (c.isEmpty()) {
      warnings.add("commitment '" + a.commitmentId().get() + "' no longer exists");
      return;
    }
    if (!c.get().covers(day)) {
      warnings.add(
          "not counted in '"
              + c.get().id()
              + "': "
              + day
              + " lies outside its period "
              + c.get().periodStart()
              + ".."
              + c.get().periodEnd());
      return;
    }
    Optional<LonLat> where =
        a.findingId()
            .flatMap(f -> documents.findDocument(FindingService.FINDINGS, w.id(), f))
            .map(
                d ->
                    FindingJson.readFinding(JsonFields.parse(d.json()), d.id(), d.updatedAt())
                        .location());
    commitments.putActivities(
        w.id(),
        c.get().id(),
        List.of(
            new Activity(
                activityId(a),
                c.get().id(),
                done.at(),
                1,
                where,
                Optional.empty(),
                true,
                Optional.of("Åtgärd klar: " + a.title() + " (" + a.owner() + ")"),
                false,
                done.by())));
  }

  static String activityId(Action a) {
    return "action-" + a.id();
  }

  /** Deletes an action and the activity it counted as. */
  public void delete(String workspaceId, String actionId) {
    Action a = getAction(workspaceId, actionId);
    if (a.commitmentId().isPresent()
        && commitments.findCommitment(workspaceId, a.commitmentId().get()).isPresent()
        && commitments.listActivities(workspaceId, a.commitmentId().get()).stream()
            .anyMatch(x -> x.id().equals(activityId(a)))) {
      commitments.deleteActivity(workspaceId, a.commitmentId().get(), activityId(a));
    }
    documents.deleteDocument(ACTIONS, workspaceId, actionId);
  }

  private void put(String ws, Action a) {
    documents.putDocument(ACTIONS, ws, a.id(), ActionJson.toNode(a, today(ws)).toString());
  }

  /** Every action of the workspace (of one finding, when given), oldest first. */
  public List<Action> listActions(String workspaceId, Optional<String> findingId) {
    workspaces.getWorkspace(workspaceId);
    return documents.listDocuments(ACTIONS, workspaceId).stream()
        .map(d -> ActionJson.read(JsonFields.parse(d.json()), d.id(), clock.instant(), ""))
        .filter(a -> findingId.isEmpty() || a.findingId().equals(findingId))
        .sorted(Comparator.comparing(Action::createdAt).thenComparing(Action::id))
        .toList();
  }

  public Optional<Action> findAction(String workspaceId, String actionId) {
    workspaces.getWorkspace(workspaceId);
    return documents
        .findDocument(ACTIONS, workspaceId, actionId)
        .map(d -> ActionJson.read(JsonFields.parse(d.json()), d.id(), clock.instant(), ""));
  }

  public Action getAction(String workspaceId, String actionId) {
    return findAction(workspaceId, actionId)
        .orElseThrow(() -> DomainException.notFound("action", actionId));
  }

  @Override
  public boolean isReferenced(String workspaceId, String findingId) {
    return !listActions(workspaceId, Optional.of(findingId)).isEmpty();
  }

  /**
   * The open actions that answer lighting work-list items, by the item's id ({@code repair-<lamp>}
   * or the dark stretch's id); the earliest open action when several answer one item.
   */
  public Map<String, String> openLightingActions(String workspaceId) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Action a : listActions(workspaceId, Optional.empty())) {
      if (a.status().isOpen() && a.link().isPresent()) {
        out.putIfAbsent(a.link().get().priorityId(), a.id());
      }
    }
    return out;
  }

  /** The actions of several findings at once, by finding id (for reports). */
  public Map<String, List<Action>> actionsByFinding(String workspaceId) {
    Map<String, List<Action>> out = new LinkedHashMap<>();
    for (Action a : listActions(workspaceId, Optional.empty())) {
      a.findingId().ifPresent(f -> out.computeIfAbsent(f, k -> new ArrayList<>()).add(a));
    }
    return out;
  }
}
