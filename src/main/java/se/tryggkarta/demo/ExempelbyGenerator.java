package se.tryggkarta.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.LonLat;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.layer.LayerRecord;
import se.tryggkarta.layer.LayerStore;
import se.tryggkarta.layer.LayerWriter;
import se.tryggkarta.layer.StreetSegment;
import se.tryggkarta.workspace.Workspace;
import se.tryggkarta.workspace.WorkspaceRepository;

/**
 * Generates the synthetic demo town Exempelby: a 2.4 × 1.8 km street grid around 58.00 N, 12.30 E
 * (analysis CRS EPSG:3006) with two main roads, residential streets and footpaths, a travel centre
 * (Resecentrum) and a park (Parken), about 1 500 lamps, 6 000 incidents in 2023–2025 with night
 * hotspots planted at the travel centre and the park, 300 unsafe-place reports, and one dark
 * footpath ({@value #DARK_STRETCH_ID}) in the park with no working lamp within 25 m.
 *
 * <p>Everything is made up and every record carries {@code synthetic=true} in its extra properties.
 * The output depends only on {@link #SEED}: {@link java.util.Random} (whose algorithm the Java
 * specification fixes), {@link StrictMath} for the degree conversion, coordinates rounded to 1e-7°
 * and lists built in a fixed order, so every run on every machine gives the same records.
 * Generation takes about a tenth of a second once warm ({@code ExempelbyGeneratorBenchmark}).
 * Thread-safe: all methods are static and {@link #data()} is computed once.
 */
public final class ExempelbyGenerator {
  /** The workspace id. */
  public static final String WORKSPACE_ID = "exempelby";

  /** The display name, which says the data are synthetic. */
  public static final String WORKSPACE_NAME = "Exempelby (syntetisk demo)";

  /** The seed of the one random sequence everything is drawn from. */
  public static final long SEED = 20_240_601L;

  /** Extra property on every record marking it as made up. */
  public static final String SYNTHETIC = "synthetic";

  /** The town's origin: the crossing of Storgatan and Kungsgatan. */
  public static final LonLat ORIGIN = ExempelbyTown.ORIGIN;

  /** The external id of the dark footpath (a {@link StreetSegment}). */
  public static final String DARK_STRETCH_ID = "dammstigen-01";

  /** External ids of the two named places. */
  public static final String RESECENTRUM_ID = "resecentrum";

  public static final String PARKEN_ID = "parken";

  /** First instant of the incident period (2023-01-01 00:00 Europe/Stockholm), inclusive. */
  public static final Instant PERIOD_START =
      LocalDate.of(2023, 1, 1).atStartOfDay(Workspace.DEFAULT_ZONE).toInstant();

  /** End of the incident period (2026-01-01 00:00 Europe/Stockholm), exclusive. */
  public static final Instant PERIOD_END =
      LocalDate.of(2026, 1, 1).atStartOfDay(Workspace.DEFAULT_ZONE).toInstant();

  /** Incident categories. */
  public static final List<String> INCIDENT_CATEGORIES =
      List.of("violence", "theft", "drugs", "vandalism", "traffic");

  /** Unsafe-place categories. */
  public static final List<String> UNSAFE_CATEGORIES =
      List.of("darkness", "drugs", "traffic", "deserted", "harassment");

  /** Unsafe-place sources. */
  public static final List<String> UNSAFE_SOURCES = List.of("dialogue-2024", "survey", "walk");

  /** The middle of the travel centre (375 m west, 525 m south of the origin). */
  public static final LonLat RESECENTRUM_CENTRE =
      ExempelbyTown.lonLat(ExempelbyTown.RESECENTRUM_XY);

  /** The middle of the park (600 m east, 300 m north of the origin). */
  public static final LonLat PARKEN_CENTRE = ExempelbyTown.lonLat(ExempelbyTown.PARKEN_XY);

  /** A point on the dark stretch, the middle of its middle leg. */
  public static final LonLat DARK_STRETCH_CENTRE =
      ExempelbyTown.lonLat(ExempelbyTown.DARK_STRETCH_MIDDLE_XY);

  private ExempelbyGenerator() {}

  /** The demo data, generated once and then shared (the records are immutable). */
  public static ExempelbyData data() {
    return Holder.DATA;
  }

  /**
   * Creates the workspace and writes every layer, one {@link LayerWriter} transaction per layer.
   * Throws CONFLICT when a workspace {@value #WORKSPACE_ID} already exists. Takes any store that
   * keeps both workspaces and layers (a {@code se.tryggkarta.store.Store}) through its two ports,
   * so this package does not depend on the store package.
   */
  public static <S extends WorkspaceRepository & LayerStore> void populate(S store) {
    ExempelbyData d = data();
    store.createWorkspace(d.workspace());
    for (Layer layer : Layer.values()) {
      try (LayerWriter w = store.openWriter(WORKSPACE_ID, layer)) {
        for (LayerRecord r : d.records(layer)) {
          w.write(r);
        }
        w.commit();
      }
    }
  }

  /**
   * Populates the store unless a workspace {@value #WORKSPACE_ID} exists already, in which case it
   * is left exactly as it is (also when someone changed or emptied it). Returns whether it created
   * the workspace. Safe against another instance creating it at the same moment.
   */
  public static <S extends WorkspaceRepository & LayerStore> boolean populateIfAbsent(S store) {
    if (store.findWorkspace(WORKSPACE_ID).isPresent()) {
      return false;
    }
    try {
      populate(store);
      return true;
    } catch (DomainException e) {
      if (e.kind() == ErrorKind.CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  private static final class Holder {
    static final ExempelbyData DATA = generate();
  }

  /** A fresh generation (the same every time); {@link #data()} caches it. */
  static ExempelbyData generate() {
    return ExempelbyTown.generate();
  }
}
