package se.tryggkarta.store.postgis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hot standby of the test database's PostgreSQL cluster, made for one test run: {@code
 * pg_basebackup -R} (a copy of the cluster that streams the primary's WAL) into a temporary
 * directory, started with {@code pg_ctl} on a free local port with a configuration of its own, and
 * stopped and deleted by {@link #close()}. PostgreSQL refuses to run as root, so as root the
 * commands run as the {@code postgres} user. The primary must accept replication connections from
 * 127.0.0.1 ({@code scripts/provision-postgis} sees to that). {@link #shared()} starts one for the
 * whole test JVM, stopped when it exits.
 */
public final class LocalStandby implements AutoCloseable {
  private static final Pattern URL =
      Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(?:\\?(.*))?$");
  private static final String[] MATCHED_SETTINGS = {
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction"
  };
  private static LocalStandby shared;

  private final Path dir;
  private final Path data;
  private final Path bin;
  private final int port;
  private final String database;
  private final String user;
  private final boolean asPostgres;

  private LocalStandby(
      Path dir, Path bin, int port, String database, String user, boolean asPostgres) {
    this.dir = dir;
    this.data = dir.resolve("data");
    this.bin = bin;
    this.port = port;
    this.database = database;
    this.user = user;
    this.asPostgres = asPostgres;
  }

  /** One standby of the test database for the whole test JVM, started on first use. */
  public static synchronized LocalStandby shared() {
    if (shared == null) {
      shared = start(PostgisTestDatabase.URL);
      LocalStandby s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stop-test-standby"));
    }
    return shared;
  }

  /** Starts a standby of the cluster holding {@code primaryUrl}'s database. */
  public static LocalStandby start(String primaryUrl) {
    Matcher m = URL.matcher(primaryUrl);
    if (!m.matches()) {
      throw new IllegalStateException("cannot parse the primary's URL " + primaryUrl);
    }
    String host = m.group(1);
    String primaryPort = m.group(2) == null ? "5432" : m.group(2);
    String database = m.group(3);
    String user = parameter(m.group(4), "user").orElse(System.getProperty("user.name"));
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      Path dir = Files.createTempDirectory("tk-standby-");
      if (root) {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      List<String> settings = new ArrayList<>();
      Path bin;
      try (Connection c = DriverManager.getConnection(primaryUrl);
          Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SHOW server_version_num")) {
          rs.next();
          bin = Path.of("/usr/lib/postgresql", Integer.toString(rs.getInt(1) / 10_000), "bin");
        }
        for (String name : MATCHED_SETTINGS) {
          try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            settings.add(name + " = " + rs.getString(1));
          }
        }
      }
      LocalStandby standby = new LocalStandby(dir, bin, freePort(), database, user, root);
      standby.create(host, primaryPort, settings);
      return standby;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot start a standby of " + primaryUrl + ": " + e, e);
    }
  }

  private void create(String host, String primaryPort, List<String> settings) throws IOException {
    run(
        List.of(
            program("pg_basebackup"),
            "-h",
            host,
            "-p",
            primaryPort,
            "-U",
            user,
            "-D",
            data.toString(),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-password"));
    // Debian keeps a cluster's configuration outside its data directory, so the copy has none of
    // its own; a copy that does keep one gets these settings after it (later lines win)
    List<String> conf = new ArrayList<>(settings);
    conf.add("hot_standby = on");
    conf.add("ssl = off");
    conf.add("logging_collector = off");
    conf.add("hba_file = '" + data.resolve("pg_hba.conf") + "'");
    conf.add("ident_file = '" + data.resolve("pg_ident.conf") + "'");
    Path postgresqlConf = data.resolve("postgresql.conf");
    Files.write(
        postgresqlConf,
        conf,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
    Files.writeString(data.resolve("pg_ident.conf"), "");
    if (asPostgres) {
      run(List.of("chown", "-R", "postgres:postgres", data.toString()));
    }
    run(
        List.of(
            program("pg_ctl"),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("standby.log").toString(),
            "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir,
            "-w",
            "-t",
            "120",
            "start"));
    awaitRecovery();
  }

  /** The standby's JDBC URL for the same database and user as the primary's. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user;
  }

  /** Stops applying the primary's WAL (the standby falls behind) until {@link #resumeReplay()}. */
  public void pauseReplay() {
    execute("SELECT pg_wal_replay_pause()");
  }

  public void resumeReplay() {
    execute("SELECT pg_wal_replay_resume()");
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on the standby failed: " + e.getMessage(), e);
    }
  }

  private void awaitRecovery() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(url());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
        throw new IllegalStateException("the copy at " + data + " is no standby");
      } catch (SQLException e) {
        last = e;
      }
      sleep(200);
    }
    throw new IllegalStateException("the standby did not accept connections: " + last + log());
  }

  /** Stops the standby and deletes its directory. */
  @Override
  public void close() {
    try {
      run(List.of(program("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    } catch (RuntimeException | IOException e) {
      // already stopped; the directory goes either way
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is cleaned by the OS
    }
  }

  private String program(String name) {
    Path p = bin.resolve(name);
    return Files.isExecutable(p) ? p.toString() : name;
  }

  /** Runs a command (as postgres when this is root) and fails with its output on a bad exit. */
  private void run(List<String> command) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgres && !command.get(0).equals("chown")) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed: " + output + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
    }
  }

  private String log() {
    try {
      String log = Files.readString(dir.resolve("standby.log"));
      return "\nstandby log:\n" + log.substring(Math.max(0, log.length() - 4000));
    } catch (IOException e) {
      return "";
    }
  }

  private static java.util.Optional<String> parameter(String query, String name) {
    if (query == null) {
      return java.util.Optional.empty();
    }
    for (String part : query.split("&")) {
      if (part.startsWith(name + "=")) {
        return java.util.Optional.of(part.substring(name.length() + 1));
      }
    }
    return java.util.Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
