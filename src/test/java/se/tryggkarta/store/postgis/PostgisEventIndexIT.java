package se.tryggkarta.store.postgis;

import se.tryggkarta.store.EventIndexContract;
import se.tryggkarta.store.Store;

/** The event index on PostGIS; the second instance is another pool on the same schema. */
class PostgisEventIndexIT extends EventIndexContract {
  private static final String SCHEMA = "it_event_index";

  @Override
  protected Store newStore() {
    return PostgisTestDatabase.freshStore(SCHEMA);
  }

  @Override
  protected Store sameDataAs(Store first) {
    return PostgisStore.open(PostgisTestDatabase.URL, SCHEMA);
  }
}
