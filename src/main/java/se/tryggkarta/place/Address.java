package se.tryggkarta.place;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a position is, in the words of the workspace's own map: the named place it lies in or next
 * to, and the named street it lies on (two at a corner).
 *
 * @param place the named place (a park, the travel centre), when the position is in or near one
 * @param streets the nearest named street, then a second one when the position is at a corner;
 *     empty when no named street is near
 */
public record Address(Optional<String> place, List<String> streets) {
  public Address {
    Objects.requireNonNull(place, "place");
    streets = List.copyOf(streets);
  }

  /** True when neither a place nor a street is known. */
  public boolean isEmpty() {
    return place.isEmpty() && streets.isEmpty();
  }

  /**
   * One line for people: "Storgatan/Kyrkogatan", "Parken, Storgatan", "Parken"; empty when {@link
   * #isEmpty}. Names are not translated, so it is the same in every language.
   */
  public String label() {
    String street = String.join("/", streets);
    if (place.isPresent() && !street.isEmpty()) {
      return place.get() + ", " + street;
    }
    return place.orElse(street);
  }
}
