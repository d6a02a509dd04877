package se.tryggkarta.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import se.tryggkarta.commitment.link.ChangeCounter;
import se.tryggkarta.commitment.link.Coverage;
import se.tryggkarta.commitment.link.DiffInDiff;
import se.tryggkarta.commitment.link.HotspotSite;
import se.tryggkarta.commitment.link.HotspotSites;
import se.tryggkarta.commitment.link.PlaceChange;
import se.tryggkarta.commitment.link.PromisedArea;
import se.tryggkarta.commitment.link.PublishedCounts;
import se.tryggkarta.commitment.progress.Pacing;
import se.tryggkarta.commitment.progress.Progress;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;
import se.tryggkarta.common.TimeRange;
import se.tryggkarta.document.DocumentStore;
import se.tryggkarta.document.StoredDocument;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerQuery;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.Place;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Commitments and their activities in one workspace: create, read, replace, delete, import and
 * export; logging activities one by one or from a CSV patrol log; progress, hotspot coverage and
 * change figures. Every write validates all its input before it stores anything, so a rejected
 * request leaves the stored data unchanged. Dates are local dates of the workspace's time zone.
 * Thread-safe as its stores are; two concurrent writes of one commitment: the last one wins.
 */
public final class CommitmentService {
  static final String COMMITMENTS = "commitments";
  static final String ACTIVITIES = "commitment-activities";

  private final WorkspaceService workspaces;
  private final LayerStore layers;
  private final DocumentStore documents;
  private final HotspotSites hotspots;
  private final ChangeCounter changes;
  private final PublishedCounts published;
  private final Clock clock;

  /** A service whose public figures answer UNPROCESSABLE (it publishes no releases). */
  public CommitmentService(
      WorkspaceService workspaces,
      LayerStore layers,
      DocumentStore documents,
      HotspotSites hotspots,
      Clock clock) {
    this(workspaces, layers, documents, hotspots, PublishedCounts.NONE, clock);
  }

  /**
   * @param hotspots members' patrol sites (raw records)
   * @param published the public's figures (releases' protected counts)
   */
  public CommitmentService(
      WorkspaceService workspaces,
      LayerStore layers,
      DocumentStore documents,
      HotspotSites hotspots,
      PublishedCounts published,
      Clock clock) {
    this.workspaces = workspaces;
    this.layers = layers;
    this.documents = documents;
    this.hotspots = hotspots;
    this.changes = new ChangeCounter(layers);
    this.published = published;
    this.clock = clock;
  }

  /** Today in the workspace's time zone. */
  public LocalDate today(String workspaceId) {
    return LocalDate.now(clock.withZone(workspaces.getWorkspace(workspaceId).timeZone()));
  }

  /** Every commitment of the workspace, ordered by id. */
  public List<Commitment> listCommitments(String workspaceId) {
    workspaces.getWorkspace(workspaceId);
    return documents.listDocuments(COMMITMENTS, workspaceId).stream()
        .map(d -> CommitmentJson.readCommitment(d.json()))
        .toList();
  }

  public Optional<Commitment> findCommitment(String workspaceId, String id) {
    workspaces.getWorkspace(workspaceId);
    return documents
        .findDocument(COMMITMENTS, workspaceId, id)
        .map(d -> CommitmentJson.readCommitment(d.json()));
  }

  /** The commitment; NOT_FOUND when there is none with that id. */
  public Commitment getCommitment(String workspaceId, String id) {
    return findCommitment(workspaceId, id)
        .orElseThrow(() -> DomainException.notFound("commitment", id));
  }

  /** Stores a new commitment, resolving named places; CONFLICT when the id is taken. */
  public Commitment create(String workspaceId, Commitment c) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    if (documents.findDocument(COMMITMENTS, w.id(), c.id()).isPresent()) {
      throw new DomainException(
          ErrorKind.CONFLICT, "id", "commitment '" + c.id() + "' already exists");
    }
    Commitment resolved = resolve(w, c);
    documents.putDocument(COMMITMENTS, w.id(), c.id(), CommitmentJson.write(resolved));
    return resolved;
  }

  /**
   * Replaces a commitment. Activities stay; those that no longer fit the period or the places make
   * the whole replacement fail (field {@code periodStart}/{@code periodEnd} or {@code places}).
   */
  public Commitment replace(String workspaceId, String id, Commitment c) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    if (!c.id().equals(id)) {
      throw DomainException.invalid(
          "id", "the body's id '" + c.id() + "' differs from '" + id + "'");
    }
    getCommitment(w.id(), id);
    Commitment resolved = resolve(w, c);
    for (Activity a : listActivities(w.id(), id)) {
      LocalDate day = LocalDate.ofInstant(a.occurredAt(), w.timeZone());
      if (!resolved.covers(day)) {
        throw DomainException.invalid(
            day.isBefore(resolved.periodStart()) ? "periodStart" : "periodEnd",
            "activity '" + a.id() + "' on " + day + " would fall outside the new period");
      }
      if (a.place().isPresent()
          && resolved.places().stream().noneMatch(p -> p.name().equals(a.place().get()))) {
        throw DomainException.invalid(
            "places", "activity '" + a.id() + "' is attributed to place '" + a.place().get() + "'");
      }
    }
    documents.putDocument(COMMITMENTS, w.id(), id, CommitmentJson.write(resolved));
    return resolved;
  }

  /** Deletes a commitment and its activities; NOT_FOUND when absent. */
  public void delete(String workspaceId, String id) {
    workspaces.getWorkspace(workspaceId);
    for (Activity a : listActivities(workspaceId, id)) {
      documents.deleteDocument(ACTIVITIES, workspaceId, activityKey(id, a.id()));
    }
    if (!documents.deleteDocument(COMMITMENTS, workspaceId, id)) {
      throw DomainException.notFound("commitment", id);
    }
  }

  /**
   * Inserts or replaces several commitments in one transaction (the import of an export file).
   * Every commitment is validated and resolved first; one bad one stores none.
   */
  public List<Commitment> importCommitments(String workspaceId, List<Commitment> all) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Map<String, String> docs = new LinkedHashMap<>();
    List<Commitment> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Commitment c = all.get(i);
      Commitment resolved;
      try {
        resolved = resolve(w, c);
      } catch (DomainException e) {
        throw DomainException.invalid(
            "commitments/" + i + "/" + e.field().orElse(""), e.getMessage());
      }
      if (docs.put(c.id(), CommitmentJson.write(resolved)) != null) {
        throw DomainException.invalid(
            "commitments/" + i + "/id", "id '" + c.id() + "' is repeated");
      }
      out.add(resolved);
    }
    documents.putDocuments(COMMITMENTS, w.id(), docs);
    return out;
  }

  private Commitment resolve(Workspace w, Commitment c) {
    List<CommitmentPlace> out = new ArrayList<>();
    for (int i = 0; i < c.places().size(); i++) {
      CommitmentPlace p = c.places().get(i);
      if (p.geometryWgs84().isPresent()) {
        out.add(p);
        continue;
      }
      Optional<Place> found =
          p.placeId().isPresent()
              ? layers
                  .findRecord(w.id(), Layer.PLACES, p.placeId().get())
                  .filter(Place.class::isInstance)
                  .map(Place.class::cast)
              : findPlaceByName(w.id(), p.name());
      String field = "places/" + i + "/" + (p.placeId().isPresent() ? "placeId" : "name");
      Place place =
          found.orElseThrow(
              () ->
                  DomainException.invalid(
                      field,
                      "no place "
                          + p.placeId()
                              .map(id -> "with id '" + id + "'")
                              .orElse("named '" + p.name() + "'")
                          + " in the places layer of workspace '"
                          + w.id()
                          + "'; give a geometry or import the place first"));
      out.add(
          new CommitmentPlace(
              p.name(),
              Optional.of(place.externalId()),
              Optional.of(place.geometryWgs84()),
              p.bufferMeters(),
              p.target()));
    }
    Commitment resolved = c.withPlaces(out);
    // projecting every place fails early on coordinates outside the CRS
    PlaceAreas.of(resolved, w.crs());
    // as it will read back: GeoJSON keeps 8 decimals of a degree (about 1 mm)
    return CommitmentJson.readCommitment(CommitmentJson.write(resolved));
  }

  /** The first record of the places layer with this name (case-insensitive), by external id. */
  public Optional<Place> findPlaceByName(String workspaceId, String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    List<Place> hits = new ArrayList<>();
    layers.scan(
        workspaceId,
        Layer.PLACES,
        LayerQuery.ALL,
        r -> {
          if (r instanceof Place p && p.name().strip().toLowerCase(Locale.ROOT).equals(key)) {
            hits.add(p);
          }
        });
    return hits.stream().min(Comparator.comparing(LayerRecord::externalId));
  }

  /** The commitment's activities, oldest first. */
  public List<Activity> listActivities(String workspaceId, String commitmentId) {
    getCommitment(workspaceId, commitmentId);
    return activitiesByCommitment(workspaceId).getOrDefault(commitmentId, List.of());
  }

  /**
   * Every activity of the workspace by commitment id, each list in time order (then id): one read
   * of the activities for work over all commitments, such as a follow-up report.
   */
  public Map<String, List<Activity>> activitiesByCommitment(String workspaceId) {
    return documents.listDocuments(ACTIVITIES, workspaceId).stream()
        .map(StoredDocument::json)
        .map(CommitmentJson::readActivityDocument)
        .sorted(Comparator.comparing(Activity::occurredAt).thenComparing(Activity::id))
        .collect(Collectors.groupingBy(Activity::commitmentId));
  }

  /** A fresh activity id. */
  public static String newActivityId() {
    return "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
  }

  /**
   * Logs one activity: it must lie in the period (its local date in the workspace zone) and is
   * attributed to a place (see {@link PlaceAreas#attribute}). CONFLICT when its id is taken.
   */
  public Activity logActivity(String workspaceId, String commitmentId, Activity a) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Commitment c = getCommitment(w.id(), commitmentId);
    Activity checked = check(w, c, a);
    if (documents.findDocument(ACTIVITIES, w.id(), activityKey(c.id(), a.id())).isPresent()) {
      throw new DomainException(
          ErrorKind.CONFLICT, "id", "activity '" + a.id() + "' already exists");
    }
    documents.putDocument(
        ACTIVITIES,
        w.id(),
        activityKey(c.id(), checked.id()),
        CommitmentJson.toNode(checked).toString());
    return checked;
  }

  /**
   * Imports a CSV patrol log (see {@link ActivityCsv}) in one transaction: all rows are stored, or
   * none, and every bad row is reported with its line. Rows with an id replace the stored activity
   * with that id, so re-importing the same log does not double count.
   */
  public List<Activity> importActivities(String workspaceId, String commitmentId, String csv) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Commitment c = getCommitment(w.id(), commitmentId);
    String prefix = "csv" + UUID.randomUUID().toString().substring(0, 8);
    List<ActivityCsv.Row> rows = ActivityCsv.read(csv, c.id(), w.timeZone(), prefix);
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> docs = new LinkedHashMap<>();
    List<Activity> out = new ArrayList<>();
    PlaceAreas areas = PlaceAreas.of(c, w.crs());
    for (ActivityCsv.Row row : rows) {
      try {
        Activity a = check(w, c, areas, row.activity());
        if (docs.put(activityKey(c.id(), a.id()), CommitmentJson.toNode(a).toString()) != null) {
          throw DomainException.invalid("id", "id '" + a.id() + "' is repeated in the log");
        }
        out.add(a);
      } catch (DomainException e) {
        errors.add(FieldError.ofRecord(row.line(), e.field().orElse("row"), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainException(
          ErrorKind.INVALID_INPUT,
          errors.size() + " row(s) of the patrol log are invalid; nothing was imported",
          Optional.empty(),
          errors,
          null);
    }
    documents.putDocuments(ACTIVITIES, w.id(), docs);
    return out;
  }

  /** Stores activities already built (the demo), after the same checks; all or none. */
  public void putActivities(String workspaceId, String commitmentId, List<Activity> activities) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Commitment c = getCommitment(w.id(), commitmentId);
    PlaceAreas areas = PlaceAreas.of(c, w.crs());
    Map<String, String> docs = new LinkedHashMap<>();
    for (Activity a : activities) {
      Activity checked = check(w, c, areas, a);
      docs.put(activityKey(c.id(), checked.id()), CommitmentJson.toNode(checked).toString());
    }
    documents.putDocuments(ACTIVITIES, w.id(), docs);
  }

  /** Deletes one activity; NOT_FOUND when absent. */
  public void deleteActivity(String workspaceId, String commitmentId, String activityId) {
    getCommitment(workspaceId, commitmentId);
    if (!documents.deleteDocument(ACTIVITIES, workspaceId, activityKey(commitmentId, activityId))) {
      throw DomainException.notFound("activity", activityId);
    }
  }

  private Activity check(Workspace w, Commitment c, Activity a) {
    return check(w, c, PlaceAreas.of(c, w.crs()), a);
  }

  private static Activity check(Workspace w, Commitment c, PlaceAreas areas, Activity a) {
    if (!a.commitmentId().equals(c.id())) {
      throw DomainException.invalid(
          "commitmentId", "the activity belongs to '" + a.commitmentId() + "'");
    }
    LocalDate day = LocalDate.ofInstant(a.occurredAt(), w.timeZone());
    if (!c.covers(day)) {
      throw DomainException.invalid(
          "occurredAt",
          "the activity on "
              + day
              + " ("
              + w.timeZone()
              + ") lies outside the commitment's period "
              + c.periodStart()
              + ".."
              + c.periodEnd());
    }
    return areas.attribute(a);
  }

  private static String activityKey(String commitmentId, String activityId) {
    return commitmentId + "/" + activityId;
  }

  /** The commitment's progress on {@code asOf} (activities up to and including that day). */
  public CommitmentProgress progress(String workspaceId, String commitmentId, LocalDate asOf) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Commitment c = getCommitment(w.id(), commitmentId);
    return progress(c, listActivities(w.id(), c.id()), w.timeZone(), asOf);
  }

  /** Progress from given activities (pure; for tests and the report). */
  public static CommitmentProgress progress(
      Commitment c, List<Activity> activities, ZoneId zone, LocalDate asOf) {
    long done = 0;
    long outside = 0;
    Map<String, Long> perPlace = new HashMap<>();
    for (Activity a : activities) {
      if (LocalDate.ofInstant(a.occurredAt(), zone).isAfter(asOf)) {
        continue;
      }
      if (!a.counts()) {
        outside += a.count();
        continue;
      }
      done += a.count();
      a.place().ifPresent(p -> perPlace.merge(p, a.count(), Long::sum));
    }
    Progress total =
        Pacing.progress(c.periodStart(), c.periodEnd(), c.target(), c.milestones(), done, asOf);
    List<CommitmentProgress.PlaceProgress> places = new ArrayList<>();
    for (CommitmentPlace p : c.places()) {
      OptionalLong target = p.target();
      places.add(
          new CommitmentProgress.PlaceProgress(
              p.name(),
              Pacing.progress(
                  c.periodStart(),
                  c.periodEnd(),
                  target,
                  perPlace.getOrDefault(p.name(), 0L),
                  asOf)));
    }
    return new CommitmentProgress(c.id(), total, places, outside);
  }

  /**
   * Coverage of the top {@code n} hotspot sites of {@code period} (members: raw records) by the
   * places of the commitments not cancelled whose period overlaps it.
   */
  public Coverage coverage(String workspaceId, TimeRange period, int n) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return coverage(w, period, hotspots.topSites(w, period, java.util.Set.of(), n));
  }

  /**
   * The public's coverage: the top sites of a release period (protected counts) by the places of
   * the commitments whose period overlaps it.
   */
  public Coverage publishedCoverage(String workspaceId, Optional<String> releasePeriod, int n) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    return coverage(w, published.period(w, releasePeriod), published.topSites(w, releasePeriod, n));
  }

  /** The time range of a release period the public chose (the default release when empty). */
  public TimeRange publishedPeriod(String workspaceId, Optional<String> releasePeriod) {
    return published.period(workspaces.getWorkspace(workspaceId), releasePeriod);
  }

  private Coverage coverage(Workspace w, TimeRange period, List<HotspotSite> sites) {
    List<PromisedArea> areas = new ArrayList<>();
    for (Commitment c : listCommitments(w.id())) {
      if (c.state() != CommitmentState.CANCELLED && overlaps(c, period, w.timeZone())) {
        areas.addAll(PlaceAreas.of(c, w.crs()).areas());
      }
    }
    return Coverage.of(sites, areas, w.crs());
  }

  private static boolean overlaps(Commitment c, TimeRange period, ZoneId zone) {
    var start = c.periodStart().atStartOfDay(zone).toInstant();
    var end = c.periodEnd().plusDays(1).atStartOfDay(zone).toInstant();
    return period.from().map(end::isAfter).orElse(true)
        && period.to().map(t -> t.isAfter(start)).orElse(true);
  }

  /**
   * Incidents before and during each place's commitment period beside a comparison ring of {@code
   * ringMeters} (members: raw records), counted with the commitment's categories (all when it has
   * none).
   */
  public List<PlaceChange> changes(String workspaceId, LocalDate asOf, double ringMeters) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    List<PlaceChange> out = new ArrayList<>();
    for (Commitment c : listCommitments(w.id())) {
      if (c.state() == CommitmentState.CANCELLED) {
        continue;
      }
      for (PromisedArea a : PlaceAreas.of(c, w.crs()).areas()) {
        out.add(
            changes.change(w, a, c.categories(), c.periodStart(), c.periodEnd(), asOf, ringMeters));
      }
    }
    return out;
  }

  /**
   * The public's change figures, from protected monthly counts: the during window is the
   * commitment's period in whole released months (up to the newest release), the before window as
   * many months just before it, the comparison ring {@value ChangeCounter#DEFAULT_RING_METERS} m. A
   * figure is withheld when any of its four sums is below the threshold ({@link
   * PublishedCounts.MonthlyCounts#threshold}); no monthly series is shown.
   */
  public List<PlaceChange> publishedChanges(String workspaceId) {
    Workspace w = workspaces.getWorkspace(workspaceId);
    Optional<java.time.YearMonth> last = published.lastMonth(w);
    double ring = ChangeCounter.DEFAULT_RING_METERS;
    List<PlaceChange> out = new ArrayList<>();
    for (Commitment c : listCommitments(w.id())) {
      if (c.state() == CommitmentState.CANCELLED) {
        continue;
      }
      for (PromisedArea a : PlaceAreas.of(c, w.crs()).areas()) {
        out.add(publishedChange(w, c, a, last, ring));
      }
    }
    return out;
  }

  private PlaceChange publishedChange(
      Workspace w,
      Commitment c,
      PromisedArea a,
      Optional<java.time.YearMonth> last,
      double ringMeters) {
    java.time.YearMonth first = java.time.YearMonth.from(c.periodStart());
    java.time.YearMonth end = java.time.YearMonth.from(c.periodEnd());
    if (last.isPresent() && last.get().isBefore(end)) {
      end = last.get();
    }
    if (last.isEmpty() || end.isBefore(first)) {
      return new PlaceChange(
          c.id(),
          a.placeName(),
          c.periodStart(),
          c.periodStart(),
          c.periodStart(),
          ringMeters,
          Optional.empty(),
          false,
          List.of());
    }
    int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, end) + 1;
    java.time.YearMonth beforeFrom = first.minusMonths(months);
    org.locationtech.jts.geom.Geometry ringArea =
        a.areaXY().buffer(ringMeters).difference(a.areaXY());
    PublishedCounts.MonthlyCounts place =
        published.monthly(w, c.categories(), a.areaXY(), beforeFrom, end);
    PublishedCounts.MonthlyCounts cmp =
        published.monthly(w, c.categories(), ringArea, beforeFrom, end);
    long[] sums = new long[4];
    for (java.time.YearMonth m = beforeFrom; !m.isAfter(end); m = m.plusMonths(1)) {
      int during = m.isBefore(first) ? 0 : 1;
      sums[during] += place.counts().getOrDefault(m, 0);
      sums[2 + during] += cmp.counts().getOrDefault(m, 0);
    }
    boolean shown =
        sums[0] >= place.threshold(months)
            && sums[1] >= place.threshold(months)
            && sums[2] >= cmp.threshold(months)
            && sums[3] >= cmp.threshold(months);
    // noisy sums may be negative; a figure is built only from sums that pass the threshold
    Optional<DiffInDiff> figures =
        shown
            ? Optional.of(new DiffInDiff(sums[0], sums[1], sums[2], sums[3], months, months))
            : Optional.empty();
    return new PlaceChange(
        c.id(),
        a.placeName(),
        beforeFrom.atDay(1),
        first.atDay(1),
        end.plusMonths(1).atDay(1),
        ringMeters,
        figures,
        !shown,
        List.of());
  }
}
