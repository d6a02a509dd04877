package se.tryggkarta.store.postgis;

import java.util.List;
import se.tryggkarta.store.EventIndexContract;
import se.tryggkarta.store.Store;

/**
 * The event index contract with both instances reading through a hot standby: the index still
 * serves exactly what the primary holds after each write, through either instance.
 */
class PostgisReplicaEventIndexIT extends EventIndexContract {
  private static final String SCHEMA = "it_replica_event_index";

  @Override
  protected Store newStore() {
    PostgisTestDatabase.dropSchema(SCHEMA);
    return PostgisStore.open(PostgisTestDatabase.URL, SCHEMA, List.of(LocalStandby.shared().url()));
  }

  @Override
  protected Store sameDataAs(Store first) {
    return PostgisStore.open(PostgisTestDatabase.URL, SCHEMA, List.of(LocalStandby.shared().url()));
  }
}
