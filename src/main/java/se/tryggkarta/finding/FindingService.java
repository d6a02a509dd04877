package se.tryggkarta.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.tryggkarta.commitment.Activity;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentKind;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.commitment.CommitmentState;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.document.StoredDocument;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.UnsafePlace;
import se.tryggkarta.route.WalkPlan;
import se.tryggkarta.route.WalkPlanner;
import se.tryggkarta.route.WalkRequest;
import se.tryggkarta.route.WalkStop;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Stored walks, the findings recorded on them and their photos. Every stored finding is also an
 * unsafe place {@code walk-<id>} with {@code source=walk} (category the checklist line, no comment:
 * the note stays with the finding), so hotspots, walk planning and the lighting work list see it at
 * once. A walk marked held counts as an activity {@code walk-<id>} of every safety-walk commitment
 * whose period covers the day.
 *
 * <p>Recording is idempotent by id: the same finding sent twice is stored once; a different one
 * under a stored id is a CONFLICT, unless it names the stored revision (an edit). Throws NOT_FOUND
 * for an unknown workspace, walk or finding. Thread-safe.
 */
public final class FindingService {
  public static final String WALKS = "walks";
  public static final String FINDINGS = "findings";

  /** The prefix of the unsafe-place ids findings become. */
  public static final String PLACE_PREFIX = "walk-";

  /** The source of the unsafe places findings become. */
  public static final String SOURCE = "walk";

  private final WorkspaceService workspaces;
  private final DocumentStore documents;
  private final LayerStore layers;
  private final PhotoStore photos;
  private final WalkPlanner planner;
  private final CommitmentService commitments;
  private final FindingReferences references;
  private final Clock clock;

  public FindingService(
      WorkspaceService workspaces,
      DocumentStore documents,
      LayerStore layers,
      PhotoStore photos,
      WalkPlanner planner,
      CommitmentService commitments,
      FindingReferences references,
      Clock clock) {
    this.workspaces = workspaces;
    this.documents = documents;
    this.layers = layers;
    this.photos = photos;
    this.planner = planner;
    this.commitments = commitments;
    this.references = references;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ walks

  /** Plans a walk with the walk planner and keeps it under a new id. */
  public Walk planWalk(
      String workspaceId, String name, Optional<LocalDate> plannedFor, WalkRequest request) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    WalkPlan plan = planner.plan(w.id(), request);
    List<Walk.Stop> stops = new ArrayList<>();
    for (WalkStop s : plan.stops()) {
      stops.add(new Walk.Stop(s.number(), s.id(), s.location(), s.reason()));
    }
    Walk walk =
        new Walk(
            RecordIds.fresh("w"),
            name,
            plannedFor,
            Optional.empty(),
            plan.start(),
            stops,
            plan.route().coordinates(),
            plan.lengthMeters(),
            clock.instant());
    putWalk(w.id(), walk);
    return walk;
  }

  /** Keeps a walk as given (imports, the demo); replaces one with the same id. */
  public Walk putWalk(String workspaceId, Walk walk) {
    documents.putDocument(WALKS, workspaceId, walk.id(), FindingJson.toNode(walk).toString());
    return walk;
  }

  /** Every walk of the workspace, newest first. */
  public List<Walk> listWalks(String workspaceId) {
    workspaces.getWorkspace(workspaceId);
    return documents.listDocuments(WALKS, workspaceId).stream()
        .map(d -> FindingJson.readWalk(JsonFields.parse(d.json())))
        .sorted(Comparator.comparing(Walk::createdAt).reversed().thenComparing(Walk::id))
        .toList();
  }

  public Optional<Walk> findWalk(String workspaceId, String walkId) {
    workspaces.getWorkspace(workspaceId);
    return documents
        .findDocument(WALKS, workspaceId, walkId)
        .map(d -> FindingJson.readWalk(JsonFields.parse(d.json())));
  }

  public Walk getWalk(String workspaceId, String walkId) {
    return findWalk(workspaceId, walkId)
        .orElseThrow(() -> DomainException.notFound("walk", walkId));
  }

  /**
   * Records the day a walk was held (empty: not held after all) and keeps the safety-walk
   * commitments' activities in step: one activity {@code walk-<id>} in every commitment of kind
   * {@link CommitmentKind#WALK} that is not cancelled and whose period covers the day.
   */
  public Walk markHeld(String workspaceId, String walkId, Optional<LocalDate> heldOn) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Walk walk = getWalk(w.id(), walkId);
    heldOn.ifPresent(
        d -> {
          if (d.isAfter(LocalDate.now(clock.withZone(w.timeZone())))) {
            throw DomainException.invalid("heldOn", "heldOn " + d + " lies in the future");
          }
        });
    String activityId = "walk-" + walk.id();
    for (Commitment c : commitments.listCommitments(w.id())) {
      if (c.kind() != CommitmentKind.WALK) {
        continue;
      }
      boolean logged =
          commitments.listActivities(w.id(), c.id()).stream()
              .anyMatch(a -> a.id().equals(activityId));
      if (logged) {
        commitments.deleteActivity(w.id(), c.id(), activityId);
      }
      if (heldOn.isPresent() && c.state() != CommitmentState.CANCELLED && c.covers(heldOn.get())) {
        commitments.putActivities(
            w.id(),
            c.id(),
            List.of(
                new Activity(
                    activityId,
                    c.id(),
                    heldOn.get().atTime(LocalTime.of(18, 0)).atZone(w.timeZone()).toInstant(),
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.of("Trygghetsvandring: " + walk.name()),
                    false,
                    "Tryggkarta (vandring " + walk.id() + ")")));
      }
    }
    return putWalk(w.id(), walk.withHeldOn(heldOn));
  }

  /** Deletes a walk; CONFLICT while findings still belong to it. */
  public void deleteWalk(String workspaceId, String walkId) {
    Walk walk = getWalk(workspaceId, walkId);
    if (!listFindings(workspaceId, Optional.of(walkId)).isEmpty()) {
      throw new DomainException(
          ErrorKind.CONFLICT, "walk", "walk '" + walkId + "' has findings; delete them first");
    }
    if (walk.held()) {
      markHeld(workspaceId, walkId, Optional.empty());
    }
    documents.deleteDocument(WALKS, workspaceId, walkId);
  }

  // ------------------------------------------------------------------ findings

  /**
   * Stores a new finding, or recognises one stored before: the same id with the same content is a
   * repeated sync and changes nothing; the same id with other content is a CONFLICT (field {@code
   * id}) that names the stored revision. The walk and stop must exist when given.
   */
  public Recorded record(String workspaceId, Finding incoming) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    checkWalkAndStop(w.id(), incoming);
    Optional<Finding> stored = findFinding(w.id(), incoming.id());
    if (stored.isPresent()) {
      if (!stored.get().sameContentAs(incoming)) {
        throw new DomainException(
            ErrorKind.CONFLICT,
            "id",
            "finding '"
                + incoming.id()
                + "' is stored with other content (revision "
                + stored.get().revision()
                + "); send that revision to change it");
      }
      writePlace(w.id(), stored.get());
      return new Recorded(stored.get(), false);
    }
    Finding created = incoming.withRevision(1).withPhotoIds(List.of());
    store(w.id(), created);
    return new Recorded(created, true);
  }

  /**
   * Changes a stored finding. The incoming finding must carry the stored revision (else CONFLICT:
   * someone changed it meanwhile); the stored one gets the next revision. Photos are kept.
   */
  public Finding update(String workspaceId, String findingId, Finding incoming) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    if (!incoming.id().equals(findingId)) {
      throw DomainException.invalid("id", "the body's id differs from the path's");
    }
    Finding stored = getFinding(w.id(), findingId);
    if (incoming.revision() != stored.revision()) {
      throw new DomainException(
          ErrorKind.CONFLICT,
          "revision",
          "finding '"
              + findingId
              + "' is at revision "
              + stored.revision()
              + ", the change was made to revision "
              + incoming.revision());
    }
    checkWalkAndStop(w.id(), incoming);
    Finding next = incoming.withPhotoIds(stored.photoIds()).withRevision(stored.revision() + 1);
    store(w.id(), next);
    return next;
  }

  private void checkWalkAndStop(String ws, Finding f) {
    if (f.walkId().isEmpty()) {
      if (f.stopNumber().isPresent()) {
        throw DomainException.invalid("stop", "a stop needs a walkId");
      }
      return;
    }
    Walk walk =
        findWalk(ws, f.walkId().get())
            .orElseThrow(
                () -> DomainException.invalid("walkId", "no walk '" + f.walkId().get() + "'"));
    if (f.stopNumber().isPresent() && walk.stop(f.stopNumber().getAsInt()).isEmpty()) {
      throw DomainException.invalid(
          "stop", "walk '" + walk.id() + "' has no stop " + f.stopNumber().getAsInt());
    }
  }

  private void store(String ws, Finding f) {
    documents.putDocument(FINDINGS, ws, f.id(), FindingJson.toNode(f, true).toString());
    writePlace(ws, f);
  }

  private void writePlace(String ws, Finding f) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("finding_id", f.id());
    f.walkId().ifPresent(v -> extra.put("walk_id", v));
    extra.put("severity", f.severity());
    try (LayerWriter writer = layers.openWriter(ws, Layer.UNSAFE_PLACES)) {
      writer.write(
          new UnsafePlace(
              PLACE_PREFIX + f.id(),
              f.location(),
              f.recordedAt(),
              f.category().slug(),
              SOURCE,
              Optional.empty(),
              extra));
      writer.commit();
    }
  }

  /** The workspace's findings (of one walk, when given), in the order they were recorded. */
  public List<Finding> listFindings(String workspaceId, Optional<String> walkId) {
    workspaces.getWorkspace(workspaceId);
    return documents.listDocuments(FINDINGS, workspaceId).stream()
        .map(FindingService::read)
        .filter(f -> walkId.isEmpty() || f.walkId().equals(walkId))
        .sorted(Comparator.comparing(Finding::recordedAt).thenComparing(Finding::id))
        .toList();
  }

  public Optional<Finding> findFinding(String workspaceId, String findingId) {
    workspaces.getWorkspace(workspaceId);
    return documents.findDocument(FINDINGS, workspaceId, findingId).map(FindingService::read);
  }

  public Finding getFinding(String workspaceId, String findingId) {
    return findFinding(workspaceId, findingId)
        .orElseThrow(() -> DomainException.notFound("finding", findingId));
  }

  private static Finding read(StoredDocument d) {
    return FindingJson.readFinding(JsonFields.parse(d.json()), d.id(), d.updatedAt());
  }

  /**
   * Deletes a finding with its photos and its unsafe place; CONFLICT while an action refers to it.
   */
  public void deleteFinding(String workspaceId, String findingId) {
    Finding f = getFinding(workspaceId, findingId);
    if (references.isReferenced(workspaceId, findingId)) {
      throw new DomainException(
          ErrorKind.CONFLICT,
          "finding",
          "finding '" + findingId + "' has actions; delete or relink them first");
    }
    f.photoIds().forEach(p -> photos.deletePhoto(workspaceId, p));
    layers.deleteRecord(workspaceId, Layer.UNSAFE_PLACES, PLACE_PREFIX + f.id());
    documents.deleteDocument(FINDINGS, workspaceId, findingId);
  }

  // ------------------------------------------------------------------ photos

  /**
   * Adds a photo to a finding under the phone's photo id, stripped of its metadata (see {@link
   * PhotoSanitizer}). Idempotent: a photo id the finding already has is not stored again. At most
   * {@value Finding#MAX_PHOTOS} photos per finding (else INVALID_INPUT).
   *
   * @return whether the photo was new
   */
  public boolean addPhoto(String workspaceId, String findingId, String photoId, byte[] upload) {
    RecordIds.check("photoId", photoId);
    Finding f = getFinding(workspaceId, findingId);
    if (f.photoIds().contains(photoId)) {
      return false;
    }
    if (f.photoIds().size() >= Finding.MAX_PHOTOS) {
      throw DomainException.invalid(
          "photos", "finding '" + findingId + "' has " + Finding.MAX_PHOTOS + " photos already");
    }
    if (photos.findPhoto(workspaceId, photoId).isPresent()) {
      throw new DomainException(
          ErrorKind.CONFLICT, "photoId", "photo id '" + photoId + "' belongs to another finding");
    }
    byte[] clean = PhotoSanitizer.sanitize(upload);
    photos.putPhoto(workspaceId, new StoredPhoto(photoId, f.id(), "image/jpeg", clean));
    List<String> ids = new ArrayList<>(f.photoIds());
    ids.add(photoId);
    documents.putDocument(
        FINDINGS, workspaceId, f.id(), FindingJson.toNode(f.withPhotoIds(ids), true).toString());
    return true;
  }

  /** One of a finding's photos. */
  public StoredPhoto getPhoto(String workspaceId, String findingId, String photoId) {
    Finding f = getFinding(workspaceId, findingId);
    if (!f.photoIds().contains(photoId)) {
      throw DomainException.notFound("photo", photoId);
    }
    return photos
        .findPhoto(workspaceId, photoId)
        .orElseThrow(() -> DomainException.notFound("photo", photoId));
  }

  public void deletePhoto(String workspaceId, String findingId, String photoId) {
    Finding f = getFinding(workspaceId, findingId);
    if (!f.photoIds().contains(photoId)) {
      throw DomainException.notFound("photo", photoId);
    }
    photos.deletePhoto(workspaceId, photoId);
    List<String> ids = new ArrayList<>(f.photoIds());
    ids.remove(photoId);
    documents.putDocument(
        FINDINGS, workspaceId, f.id(), FindingJson.toNode(f.withPhotoIds(ids), true).toString());
  }
}
