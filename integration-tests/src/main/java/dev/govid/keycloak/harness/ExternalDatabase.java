package dev.govid.keycloak.harness;

/**
 * A database Keycloak connects to instead of its dev-file H2, e.g. a PostgreSQL that several nodes share.
 *
 * @param vendor Keycloak's {@code --db} value, e.g. {@code postgres}
 */
public record ExternalDatabase(String vendor, String jdbcUrl, String username, String password) {

    public static ExternalDatabase postgres(int port, String database, String username, String password) {
        return new ExternalDatabase(
                "postgres", "jdbc:postgresql://127.0.0.1:" + port + "/" + database, username, password);
    }
}
