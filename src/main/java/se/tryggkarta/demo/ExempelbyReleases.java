package se.tryggkarta.demo;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.tryggkarta.layer.Layer;
import se.tryggkarta.release.CategoryGroup;
import se.tryggkarta.release.ReleaseSettings;
import se.tryggkarta.workspace.CategoryName;

/**
 * What the demo town publishes: its incidents (2023–2025) and unsafe places, releases from January
 * 2023 with the year 2025 shown first (the demo's data end there), violence and theft as groups of
 * their own, darkness reports as a group for the lighting work list.
 */
public final class ExempelbyReleases {
  public static final ReleaseSettings SETTINGS =
      new ReleaseSettings(
          List.of(Layer.INCIDENTS, Layer.UNSAFE_PLACES),
          ReleaseSettings.DEFAULT.cellMeters(),
          ReleaseSettings.DEFAULT.bandwidthMeters(),
          Map.of(
              Layer.INCIDENTS,
              List.of(
                  new CategoryGroup(
                      "vald", new CategoryName("Våld", "Violence"), Set.of("violence")),
                  new CategoryGroup("stold", new CategoryName("Stöld", "Theft"), Set.of("theft"))),
              Layer.UNSAFE_PLACES,
              ReleaseSettings.DEFAULT.groupsOf(Layer.UNSAFE_PLACES)),
          ReleaseSettings.DEFAULT.epsilonPerMonth(),
          ReleaseSettings.DEFAULT.maxVersionsPerMonth(),
          Optional.of(YearMonth.of(2023, 1)),
          Optional.of("2025"));

  private ExempelbyReleases() {}
}
