package se.tryggkarta.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import se.tryggkarta.commitment.Activity;
import se.tryggkarta.commitment.Commitment;
import se.tryggkarta.commitment.CommitmentKind;
import se.tryggkarta.commitment.CommitmentPlace;
import se.tryggkarta.commitment.CommitmentService;
import se.tryggkarta.commitment.CommitmentState;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.common.XY;
import se.tryggkarta.layer.Place;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceService;

/**
 * Installs commitments modelled on real medborgarlöften in the demo workspace {@code exempelby}:
 * police presence at the travel centre and the park, drug operations, speed checks, a yearly safety
 * walk and an information mailing, each with a log of activities. The places "Resecentrum" and
 * "Parken" are looked up by name in the workspace's places layer (the demo data generator puts them
 * there); without them installation fails with NOT_FOUND and stores nothing.
 *
 * <p>Activities are drawn with a fixed seed for every day from the period start up to the clock's
 * today, so the same clock gives the same log. The paces are chosen so that the commitments show
 * different states: presence on track, drug operations behind, speed checks met, the walks and the
 * mailing short of their targets. Re-installing replaces the same commitments and activities.
 */
public final class DemoCommitments {
  public static final String WORKSPACE = ExempelbyGenerator.WORKSPACE_ID;
  public static final String RESECENTRUM = "Resecentrum";
  public static final String PARKEN = "Parken";

  static final long SEED = 20240401L;

  /**
   * Counting presence activities a day: a little above the 500 / 1005 ≈ 0.4975 the target needs, so
   * the promise is on track without being met early.
   */
  static final double PRESENCE_PER_DAY = 0.505;

  private final CommitmentService commitments;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public DemoCommitments(CommitmentService commitments, WorkspaceService workspaces, Clock clock) {
    this.commitments = commitments;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** Installs (or re-installs) the demo commitments; returns them. */
  public List<Commitment> install() {
    Workspace w = workspaces.getWorkspace(WORKSPACE);
    Place resecentrum = place(RESECENTRUM);
    Place parken = place(PARKEN);
    LocalDate today = LocalDate.now(clock.withZone(w.timeZone()));
    List<Commitment> all =
        List.of(
            new Commitment(
                "narvaro-resecentrum-parken",
                "Polisnärvaro vid resecentrum och i parken",
                "Polisen ska vara synlig vid resecentrum och i parken minst 500 gånger under"
                    + " perioden, särskilt kvällar och helger.",
                "police",
                CommitmentKind.PRESENCE,
                LocalDate.of(2024, 4, 1),
                LocalDate.of(2026, 12, 31),
                OptionalLong.of(500),
                List.of(),
                List.of(named(RESECENTRUM, resecentrum, 50, 300), named(PARKEN, parken, 50, 200)),
                Set.of("drugs", "theft", "violence"),
                CommitmentState.ACTIVE),
            new Commitment(
                "narkotikainsatser",
                "Narkotikainsatser på platser som upplevs otrygga",
                "Minst sex riktade insatser mot narkotikabrott på platser som invånarna upplever"
                    + " som otrygga.",
                "police",
                CommitmentKind.OPERATION,
                LocalDate.of(2024, 4, 1),
                LocalDate.of(2026, 12, 31),
                OptionalLong.of(6),
                List.of(),
                List.of(named(PARKEN, parken, 100, -1)),
                Set.of("drugs"),
                CommitmentState.ACTIVE),
            new Commitment(
                "hastighetskontroller",
                "Hastighetskontroller där invånarna har bett om det",
                "Minst 20 hastighetskontroller på gator som invånarna pekat ut.",
                "police",
                CommitmentKind.CHECKS,
                LocalDate.of(2024, 4, 1),
                LocalDate.of(2025, 12, 31),
                OptionalLong.of(20),
                List.of(),
                List.of(),
                Set.of("traffic"),
                CommitmentState.COMPLETED),
            new Commitment(
                "trygghetsvandring",
                "Trygghetsvandring varje år",
                "Kommunen och polisen bjuder in till minst en trygghetsvandring om året.",
                "joint",
                CommitmentKind.WALK,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 12, 31),
                OptionalLong.of(3),
                List.of(),
                List.of(named(PARKEN, parken, 200, -1)),
                Set.of(),
                CommitmentState.ACTIVE),
            new Commitment(
                "information-15-aringar",
                "Information till föräldrar till barn som fyller 15",
                "Alla föräldrar till barn som fyller 15 får ett brev om straffmyndighet och var de"
                    + " kan få stöd, en gång om året.",
                "municipality",
                CommitmentKind.INFORMATION,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31),
                OptionalLong.of(2),
                List.of(),
                List.of(),
                Set.of(),
                CommitmentState.ACTIVE));
    List<Commitment> stored = commitments.importCommitments(w.id(), all);
    Random random = new Random(SEED);
    Crs crs = w.crs();
    LonLat atResecentrum = centre(resecentrum);
    LonLat atParken = centre(parken);
    LonLat elsewhere = offset(crs, atResecentrum, 700, 650);
    ZoneId zone = w.timeZone();

    List<Activity> presence = new ArrayList<>();
    LocalDate presenceStart = LocalDate.of(2024, 4, 1);
    LocalDate presenceLast = min(today, LocalDate.of(2026, 12, 31));
    for (LocalDate d = presenceStart; !d.isAfter(presenceLast); d = d.plusDays(1)) {
      long day = java.time.temporal.ChronoUnit.DAYS.between(presenceStart, d);
      // a steady PRESENCE_PER_DAY: an activity on each day where ⌊(day + 1)·r⌋ steps up
      boolean counting =
          Math.floor((day + 1) * PRESENCE_PER_DAY) > Math.floor(day * PRESENCE_PER_DAY);
      boolean outsideToo = day % 37 == 36;
      for (boolean outside : List.of(false, true)) {
        if (outside ? !outsideToo : !counting) {
          continue;
        }
        boolean park = random.nextDouble() < 0.4;
        LonLat base = outside ? elsewhere : park ? atParken : atResecentrum;
        LonLat at = offset(crs, base, random.nextGaussian() * 10, random.nextGaussian() * 10);
        Optional<String> note =
            random.nextDouble() < 0.1
                ? Optional.of(
                    park ? "Samtal med ungdomar i parken." : "Fotpatrull vid perrongerna.")
                : Optional.empty();
        presence.add(
            activity(
                "narvaro-resecentrum-parken",
                "p" + d + (outside ? "-x" : ""),
                d,
                LocalTime.of(18 + random.nextInt(5), random.nextInt(60)),
                zone,
                1,
                Optional.of(at),
                outside,
                note,
                true,
                "Lokalpolisområdet"));
      }
    }
    List<Activity> operations = new ArrayList<>();
    for (LocalDate d :
        List.of(
            LocalDate.of(2024, 6, 14),
            LocalDate.of(2024, 11, 8),
            LocalDate.of(2025, 5, 23),
            LocalDate.of(2026, 3, 6))) {
      if (!d.isAfter(today)) {
        operations.add(
            activity(
                "narkotikainsatser",
                "op" + d,
                d,
                LocalTime.of(20, 0),
                zone,
                1,
                Optional.of(offset(crs, atParken, 5, -5)),
                false,
                Optional.of("Riktad insats, flera kontroller."),
                false,
                "Lokalpolisområdet"));
      }
    }
    List<Activity> checks = new ArrayList<>();
    LocalDate c = LocalDate.of(2024, 4, 10);
    for (int i = 0; i < 22 && !c.isAfter(min(today, LocalDate.of(2025, 12, 31))); i++) {
      checks.add(
          activity(
              "hastighetskontroller",
              "hk" + c,
              c,
              LocalTime.of(7, 30),
              zone,
              1,
              Optional.empty(),
              false,
              Optional.of(
                  "Hastighetskontroll, " + (5 + random.nextInt(20)) + " förare rapporterade."),
              true,
              "Trafikpolisen"));
      c = c.plusDays(28);
    }
    List<Activity> walks = new ArrayList<>();
    for (LocalDate d : List.of(LocalDate.of(2024, 10, 3), LocalDate.of(2025, 10, 2))) {
      if (!d.isAfter(today)) {
        walks.add(
            activity(
                "trygghetsvandring",
                "tv" + d,
                d,
                LocalTime.of(18, 0),
                zone,
                1,
                Optional.of(atParken),
                false,
                Optional.of(
                    "Trygghetsvandring med 25 deltagare; belysningen vid gångvägen påtalades."),
                true,
                "Kommunens trygghetssamordnare"));
      }
    }
    List<Activity> mailings = new ArrayList<>();
    if (!LocalDate.of(2024, 8, 20).isAfter(today)) {
      mailings.add(
          activity(
              "information-15-aringar",
              "brev-2024",
              LocalDate.of(2024, 8, 20),
              LocalTime.of(9, 0),
              zone,
              1,
              Optional.empty(),
              false,
              Optional.of("Brev till 212 hushåll."),
              true,
              "Socialtjänsten"));
    }
    commitments.putActivities(w.id(), "narvaro-resecentrum-parken", presence);
    commitments.putActivities(w.id(), "narkotikainsatser", operations);
    commitments.putActivities(w.id(), "hastighetskontroller", checks);
    commitments.putActivities(w.id(), "trygghetsvandring", walks);
    commitments.putActivities(w.id(), "information-15-aringar", mailings);
    return stored;
  }

  private Place place(String name) {
    return commitments
        .findPlaceByName(WORKSPACE, name)
        .orElseThrow(
            () ->
                new DomainException(
                    ErrorKind.NOT_FOUND,
                    "the demo place '"
                        + name
                        + "' is missing from the places layer of '"
                        + WORKSPACE
                        + "'; generate the demo data first"));
  }

  private static CommitmentPlace named(String name, Place p, double bufferMeters, long target) {
    return new CommitmentPlace(
        name,
        Optional.of(p.externalId()),
        Optional.of(p.geometryWgs84()),
        bufferMeters,
        target < 0 ? OptionalLong.empty() : OptionalLong.of(target));
  }

  private static LonLat centre(Place p) {
    Point c = p.geometryWgs84().getInteriorPoint();
    return new LonLat(c.getX(), c.getY());
  }

  private static LonLat offset(Crs crs, LonLat p, double dxMeters, double dyMeters) {
    XY xy = crs.toXY(p);
    return crs.toLonLat(new XY(xy.x() + dxMeters, xy.y() + dyMeters));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static Activity activity(
      String commitmentId,
      String id,
      LocalDate day,
      LocalTime time,
      ZoneId zone,
      long count,
      Optional<LonLat> location,
      boolean outside,
      Optional<String> note,
      boolean notePublic,
      String loggedBy) {
    return new Activity(
        id,
        commitmentId,
        day.atTime(time).atZone(zone).toInstant(),
        count,
        location,
        Optional.empty(),
        outside,
        note,
        notePublic,
        loggedBy);
  }
}
