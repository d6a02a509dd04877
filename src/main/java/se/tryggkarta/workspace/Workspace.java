package se.tryggkarta.workspace;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import se.tryggkarta.common.Crs;
import se.tryggkarta.common.DomainException;

/**
 * The area one partnership covers.
 *
 * @param id a lower-case slug (letters, digits, hyphens; 2–63 characters), used in URLs
 * @param name the display name, for example "Stenungsund, Orust och Tjörn"
 * @param crs the projected, metric CRS analyses run in (EPSG:3006 by default)
 * @param boundaryWgs84 the area's outline as a (multi)polygon in WGS84, when known
 * @param timeZone the zone local times in imports are read in (Europe/Stockholm by default)
 * @param publicAccess whether anonymous users may read the aggregated results
 * @param privacy the suppression rules that apply to public outputs
 * @param settings night hours and category display names, shared by analyses and texts
 */
public record Workspace(
    String id,
    String name,
    Crs crs,
    Optional<Geometry> boundaryWgs84,
    ZoneId timeZone,
    boolean publicAccess,
    PublicPrivacy privacy,
    WorkspaceSettings settings) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");
  private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

  public Workspace {
    Objects.requireNonNull(id, "id");
    if (!SLUG.matcher(id).matches() || id.length() < 2) {
      throw DomainException.invalid(
          "id",
          "workspace id must be a lower-case slug of 2-63 letters, digits or '-', was '"
              + id
              + "'");
    }
    if (name == null || name.isBlank()) {
      throw DomainException.invalid("name", "workspace name must not be blank");
    }
    if (name.length() > 200) {
      throw DomainException.invalid("name", "workspace name is longer than 200 characters");
    }
    Objects.requireNonNull(crs, "crs");
    if (crs.isGeographic()) {
      throw DomainException.invalid(
          "crs", "the analysis CRS must be projected in metres, " + crs.code() + " is in degrees");
    }
    Objects.requireNonNull(boundaryWgs84, "boundaryWgs84");
    boundaryWgs84.ifPresent(
        b -> {
          if (!(b instanceof Polygonal) || b.isEmpty()) {
            throw DomainException.invalid(
                "boundary",
                "boundary must be a Polygon or MultiPolygon, was " + b.getGeometryType());
          }
        });
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(settings, "settings");
  }

  /** A workspace with the default settings. */
  public Workspace(
      String id,
      String name,
      Crs crs,
      Optional<Geometry> boundaryWgs84,
      ZoneId timeZone,
      boolean publicAccess,
      PublicPrivacy privacy) {
    this(id, name, crs, boundaryWgs84, timeZone, publicAccess, privacy, WorkspaceSettings.DEFAULT);
  }

  /** A workspace with the defaults: SWEREF 99 TM, Europe/Stockholm, not public. */
  public static Workspace of(String id, String name) {
    return new Workspace(
        id, name, Crs.sweref99tm(), Optional.empty(), DEFAULT_ZONE, false, PublicPrivacy.DEFAULT);
  }

  public Workspace withBoundary(Geometry boundary) {
    return new Workspace(
        id, name, crs, Optional.of(boundary), timeZone, publicAccess, privacy, settings);
  }

  public Workspace withPublicAccess(boolean on) {
    return new Workspace(id, name, crs, boundaryWgs84, timeZone, on, privacy, settings);
  }

  public Workspace withSettings(WorkspaceSettings s) {
    return new Workspace(id, name, crs, boundaryWgs84, timeZone, publicAccess, privacy, s);
  }
}
