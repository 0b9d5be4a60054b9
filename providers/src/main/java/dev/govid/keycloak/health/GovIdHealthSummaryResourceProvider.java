package dev.govid.keycloak.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;

/**
 * {@code GET /realms/{realm}/govid-health}: without authentication, only the status and the names of failing
 * checks — and only when the operator switched it on ({@code publicSummary=true}); otherwise 404. Anyone can
 * call it, so a result is reused for {@link #REUSE_FOR} per realm on this node: polling cannot make Keycloak
 * download metadata or walk the revision log more often than that.
 */
public class GovIdHealthSummaryResourceProvider implements RealmResourceProviderFactory {

    public static final String ID = "govid-health";
    static final String PUBLIC_SUMMARY = "publicSummary";
    static final Duration REUSE_FOR = Duration.ofSeconds(30);

    private final Map<String, Cached> lastByRealm = new ConcurrentHashMap<>();
    private boolean publicSummary;

    private record Cached(SelfTestReport.Summary summary, Instant until) {}

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new Summary(GovIdHealthSummaryResourceProvider.this, session);
            }

            @Override
            public void close() {}
        };
    }

    /** The JAX-RS resource; public so RESTEasy can read its annotations. */
    public static final class Summary {
        private final GovIdHealthSummaryResourceProvider factory;
        private final KeycloakSession session;

        Summary(GovIdHealthSummaryResourceProvider factory, KeycloakSession session) {
            this.factory = factory;
            this.session = session;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response summary() {
            if (!factory.publicSummary) {
                throw new NotFoundException();
            }
            RealmModel realm = session.getContext().getRealm();
            Instant now = Instant.now();
            Cached cached = factory.lastByRealm.get(realm.getId());
            if (cached == null || now.isAfter(cached.until())) {
                cached = new Cached(
                        SelfTest.run(session, realm, warningDays(session)).summary(), now.plus(REUSE_FOR));
                factory.lastByRealm.put(realm.getId(), cached);
            }
            boolean up = cached.summary().failing().isEmpty();
            return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                    .entity(cached.summary())
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    private static int warningDays(KeycloakSession session) {
        Object admin = session.getKeycloakSessionFactory()
                .getProviderFactory(AdminRealmResourceProvider.class, GovIdHealthAdminResourceProvider.ID);
        return admin instanceof GovIdHealthAdminResourceProvider provider
                ? provider.warningDays()
                : GovIdHealthAdminResourceProvider.DEFAULT_WARNING_DAYS;
    }

    @Override
    public void init(Config.Scope config) {
        publicSummary = config.getBoolean(PUBLIC_SUMMARY, false);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(PUBLIC_SUMMARY)
                .type("boolean")
                .defaultValue(false)
                .helpText(
                        "Serve the GovID self-test's status and failing check names without authentication at /realms/{realm}/govid-health.")
                .add()
                .build();
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
