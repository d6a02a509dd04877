package se.tryggkarta.store.postgis;

import se.tryggkarta.store.Store;
import se.tryggkarta.store.StoreContract;

/** The store contract on PostGIS, in a schema of its own that each test starts empty. */
class PostgisStoreIT extends StoreContract {
  @Override
  protected Store newStore() {
    return PostgisTestDatabase.freshStore("it_store_contract");
  }
}
