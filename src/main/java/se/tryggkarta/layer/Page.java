package se.tryggkarta.layer;

import java.util.List;

/**
 * One page of a query's results.
 *
 * @param items the records on this page
 * @param total how many records match the query in all, across pages
 */
public record Page<T>(List<T> items, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
