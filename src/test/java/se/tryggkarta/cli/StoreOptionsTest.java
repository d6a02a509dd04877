package se.tryggkarta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import se.tryggkarta.AppConfig;
import se.tryggkarta.common.DomainException;

/** The read-replica settings: repeatable flags, else the environment's list; checked URLs. */
class StoreOptionsTest {
  private static final String PRIMARY = "jdbc:postgresql://db:5432/tk?user=tk";
  private static final String STANDBY_1 = "jdbc:postgresql://standby-1:5432/tk?user=tk";
  private static final String STANDBY_2 = "jdbc:postgresql://standby-2:5432/tk?user=tk";

  @CommandLine.Command(name = "test")
  static final class Holder {
    @CommandLine.Mixin StoreOptions store;
  }

  @Test
  void dbReadIsRepeatableAndWinsOverTheEnvironment() {
    Holder h = new Holder();
    new CommandLine(h).parseArgs("--db", PRIMARY, "--db-read", STANDBY_1, "--db-read", STANDBY_2);
    assertThat(h.store.config().dbReadUrls()).containsExactly(STANDBY_1, STANDBY_2);
    assertThat(StoreOptions.readUrls(List.of(STANDBY_1), STANDBY_2)).containsExactly(STANDBY_1);
  }

  @Test
  void theEnvironmentListsStandbysSeparatedByWhitespace() {
    assertThat(StoreOptions.readUrls(null, " " + STANDBY_1 + "  \n" + STANDBY_2 + " "))
        .containsExactly(STANDBY_1, STANDBY_2);
    assertThat(StoreOptions.readUrls(null, "  ")).isEmpty();
    assertThat(StoreOptions.readUrls(List.of(), null)).isEmpty();
  }

  @Test
  void standbysNeedAPrimaryAndPostgresqlUrls() {
    assertThatThrownBy(() -> config(Optional.empty(), List.of(STANDBY_1)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("db-read"));
    assertThatThrownBy(() -> config(Optional.of(PRIMARY), List.of("jdbc:mysql://x/y")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("db-read"));
    assertThat(config(Optional.of(PRIMARY), List.of(STANDBY_1, "")).dbReadUrls())
        .containsExactly(STANDBY_1);
  }

  private static AppConfig config(Optional<String> db, List<String> readUrls) {
    return new AppConfig(Path.of("data"), 0, db, Optional.empty(), List.of(), 1, readUrls);
  }
}
