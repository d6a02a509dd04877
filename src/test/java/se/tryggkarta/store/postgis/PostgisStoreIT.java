package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.tryggkarta.store.Store;
import se.tryggkarta.store.StoreContract;

/** The store contract on PostGIS, in a schema of its own that each test starts empty. */
class PostgisStoreIT extends StoreContract {
  @Override
  protected Store newStore() {
    return PostgisTestDatabase.freshStore("it_store_contract");
  }

  @Test
  void migrating_a_new_schema_in_a_database_that_has_postgis_logs_no_warning() {
    // The database already has the extension, so V1's CREATE EXTENSION IF NOT EXISTS raises the
    // notice "extension postgis already exists, skipping", which Flyway would log as a warning.
    Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    flyway.addAppender(logged);
    try {
      PostgisTestDatabase.freshStore("it_migration_log").close();
    } finally {
      flyway.detachAppender(logged);
      PostgisTestDatabase.dropSchema("it_migration_log");
    }
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }
}
