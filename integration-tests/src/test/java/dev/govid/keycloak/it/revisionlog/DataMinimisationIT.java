package dev.govid.keycloak.it.revisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.AdminApiException;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.OidcClient;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "personal data in clear in Keycloak's tables beyond what is needed": the user session (which Keycloak 26
 * persists in OFFLINE_USER_SESSION) kept the birthdate, the address and every other attribute of an eID login, whether
 * or not a client mapped them. Now it keeps what the mappers and the protocol of the login's client need. Read here
 * as someone with database access would, straight from Keycloak's tables: after a login with a client that maps
 * only the person key there is no birthdate and no address; with a client that maps them, they are there and in the
 * token; and a client reached by SSO that needs more than was kept gets a fresh eID login instead of missing claims.
 */
class DataMinimisationIT {

    private static final String REALM = SharedKeycloak.DEMO_REALM;
    private static final String SECRET = "data-minimisation-it-secret";
    /** Erika's birthdate and a piece of her street address, as the simulator's BundID persona delivers them. */
    private static final String BIRTHDATE = "1964-08-12";

    private static final String STREET = "Heidestra";
    private static int clients;
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
    }

    /** A client whose only GovID mapper puts the BundID person key, level and method into the token. */
    private static String personKeyOnlyClient() {
        return client("""
                {"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims",
                 "config":{"id.token.claim":"true","bundid.standard.claims":"false","bundid.attributes":"none"}}""");
    }

    /** A client that maps the birthdate and the address (OIDC standard claims) and the e-mail. */
    private static String birthdateAndAddressClient() {
        return client("""
                {"name":"bundid","protocol":"openid-connect","protocolMapper":"govid-bundid-claims",
                 "config":{"id.token.claim":"true","bundid.standard.claims":"true","bundid.attributes":"email"}}""");
    }

    private static String client(String mapper) {
        String clientId = "minimisation-it-" + (++clients) + "-" + System.nanoTime();
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","secret":"%s","publicClient":false,"standardFlowEnabled":true,
                 "redirectUris":["%s/*"],"attributes":{"post.logout.redirect.uris":"+"},"protocolMappers":[%s]}
                """.formatted(clientId, SECRET, SharedKeycloak.appUrl(), mapper));
        keycloak.admin().createClient(REALM, client);
        return clientId;
    }

    private static EidLogin login(Browser browser, String clientId) {
        String redirectUri = SharedKeycloak.appUrl() + "/callback";
        return new EidLogin(
                browser, new OidcClient(keycloak.realmUrl(REALM), clientId, SECRET, redirectUri), redirectUri);
    }

    @Test
    void aClientThatMapsOnlyThePersonKeyLeavesNoBirthdateOrAddressInTheDatabase() throws Exception {
        JsonNode id = login(new Browser(), personKeyOnlyClient())
                .start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims();
        assertThat(id.path("bundid").path("bpk2").asText())
                .as("the person key is mapped")
                .isNotBlank();
        assertThat(id.has("birthdate")).isFalse();
        assertThat(id.has("address")).isFalse();
        assertThat(id.path("bundid").has("birthdate")).isFalse();

        String sessionId = id.path("sid").asText();
        String stored = storedSession(sessionId, data -> data.contains("govid.login"));
        assertThat(stored)
                .as("the session keeps the person key")
                .contains(id.path("bundid").path("bpk2").asText());
        assertThat(stored)
                .doesNotContain(BIRTHDATE)
                .doesNotContain(STREET)
                .doesNotContain("51147")
                .doesNotContain("erika.mustermann@");
        assertThat(everythingStoredAbout(sessionId, id.path("sub").asText()))
                .doesNotContain(BIRTHDATE)
                .doesNotContain(STREET);
    }

    @Test
    void aClientThatMapsThemFindsThemInItsTokenAndTheSessionKeepsThem() throws Exception {
        JsonNode id = login(new Browser(), birthdateAndAddressClient())
                .start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims();
        assertThat(id.path("birthdate").asText()).isEqualTo(BIRTHDATE);
        assertThat(id.path("address").path("street_address").asText()).startsWith(STREET);
        assertThat(id.path("bundid").path("email").asText()).isNotBlank();
        assertThat(id.path("bundid").has("birthdate"))
                .as("only the attributes the mapper lists go into the object")
                .isFalse();

        String stored = storedSession(id.path("sid").asText(), data -> data.contains(BIRTHDATE));
        assertThat(stored).contains(BIRTHDATE).contains(STREET);
    }

    @Test
    void aClientReachedBySsoThatNeedsMoreGetsAFreshEidLoginAndOneThatNeedsNoMoreDoesNot() throws Exception {
        Browser browser = new Browser();
        JsonNode first = login(browser, personKeyOnlyClient())
                .start("bundid")
                .bundId("erika", "eID")
                .tokens()
                .idTokenClaims();

        // Another client that needs no more than was kept: single sign-on (the confirmation page), no eID login.
        EidLogin same = login(browser, personKeyOnlyClient()).start("bundid");
        assertThat(same.page().body())
                .as("SSO confirmation, not the way to BundID")
                .contains("govid-sso-form");
        JsonNode second = same.continueSignedIn().tokens().idTokenClaims();
        assertThat(second.path("sid").asText()).isEqualTo(first.path("sid").asText());

        // A client that needs the birthdate and the address: the session did not keep them, so BundID is asked again.
        EidLogin more = login(browser, birthdateAndAddressClient()).start("bundid");
        assertThat(more.reachedClient())
                .as("not answered from the session that kept too little")
                .isFalse();
        assertThat(more.page().body()).doesNotContain("govid-sso-form");
        JsonNode third = more.bundId("erika", "eID").tokens().idTokenClaims();
        assertThat(third.path("birthdate").asText()).isEqualTo(BIRTHDATE);
        assertThat(third.path("address").path("street_address").asText()).startsWith(STREET);
        assertThat(storedSession(third.path("sid").asText(), data -> data.contains(BIRTHDATE)))
                .contains(STREET);
    }

    @Test
    void aMapperAttributeListThatIsNotClaimNamesIsRefusedWhenSaved() {
        String clientId = personKeyOnlyClient();
        String id = keycloak.admin()
                .getJson("/" + REALM + "/clients?clientId=" + clientId)
                .get(0)
                .path("id")
                .asText();
        JsonNode bad = Json.parse("""
                {"name":"pvp","protocol":"openid-connect","protocolMapper":"govid-pvp-claims",
                 "config":{"pvp.attributes":"email##<script>"}}""");
        AdminApiException refused = null;
        try {
            keycloak.admin().postJson("/" + REALM + "/clients/" + id + "/protocol-mappers/models", bad);
        } catch (AdminApiException e) {
            refused = e;
        }
        assertThat(refused).as("the admin API refuses the mapper").isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("pvp.attributes");
    }

    private static String storedSession(String sessionId, Predicate<String> ready) throws Exception {
        return KeycloakDatabase.storedSession(sessionId, ready);
    }

    /** Every row Keycloak and GovID keep about this session and this person: sessions, user, attributes, broker link, revision log. */
    private static String everythingStoredAbout(String sessionId, String userId) throws Exception {
        StringBuilder all = new StringBuilder();
        all.append(rows("select * from OFFLINE_USER_SESSION where USER_SESSION_ID = ?", sessionId));
        all.append(rows("select * from OFFLINE_CLIENT_SESSION where USER_SESSION_ID = ?", sessionId));
        all.append(rows("select * from USER_ENTITY where ID = ?", userId));
        all.append(rows("select * from USER_ATTRIBUTE where USER_ID = ?", userId));
        all.append(rows("select * from FEDERATED_IDENTITY where USER_ID = ?", userId));
        all.append(rows("select * from GOVID_REVISION_RECORD where SESSION_ID = ?", sessionId));
        assertThat(all.toString()).as("the rows were found").contains(sessionId).contains(userId);
        return all.toString();
    }

    private static String rows(String sql, String key) throws Exception {
        return KeycloakDatabase.rows(sql, key);
    }
}
