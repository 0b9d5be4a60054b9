package dev.govid.keycloak.it.revisionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.govid.keycloak.harness.HarnessPaths;
import dev.govid.keycloak.it.SharedKeycloak;

/**
 * A JDBC connection to the shared Keycloak's own H2 file, through H2's mixed mode (AUTO_SERVER), with the H2
 * driver from the Keycloak distribution itself, so test and server use the very same H2 release. This is how
 * the tests play an attacker with database access: no test-only door in the product.
 */
public final class KeycloakDatabase {
    private KeycloakDatabase() {}

    public static Connection connect() throws SQLException {
        String[] db = SharedKeycloak.database();
        Properties credentials = new Properties();
        credentials.setProperty("user", db[1]);
        credentials.setProperty("password", db[2]);
        Connection connection = driver().connect(db[0], credentials);
        connection.setAutoCommit(true);
        return connection;
    }

    /**
     * The persisted user session's notes (Keycloak 26 writes sessions to OFFLINE_USER_SESSION, its client sessions to
     * OFFLINE_CLIENT_SESSION, in the background), once {@code ready} holds for them.
     */
    public static String storedSession(String sessionId, Predicate<String> ready) throws Exception {
        String data = "";
        for (int attempt = 0; attempt < 120; attempt++) {
            data = rows("select DATA from OFFLINE_USER_SESSION where USER_SESSION_ID = ?", sessionId)
                    + rows("select DATA from OFFLINE_CLIENT_SESSION where USER_SESSION_ID = ?", sessionId);
            if (ready.test(data)) {
                return data;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the session " + sessionId + " was not persisted as expected: " + data);
    }

    /** Every column of every row {@code sql} finds for {@code key}, one value a line. */
    public static String rows(String sql, String key) throws Exception {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                List<String> values = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(rows.getString(i)));
                    }
                }
                return String.join("\n", values);
            }
        }
    }

    private static Driver driver() {
        Path lib = HarnessPaths.keycloakHome().resolve("lib").resolve("lib").resolve("main");
        try (Stream<Path> jars = Files.list(lib)) {
            Path h2 = jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 jar in " + lib));
            ClassLoader loader =
                    new URLClassLoader(new URL[] {h2.toUri().toURL()}, KeycloakDatabase.class.getClassLoader());
            return (Driver) Class.forName("org.h2.Driver", true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load H2 from " + lib, e);
        }
    }
}
