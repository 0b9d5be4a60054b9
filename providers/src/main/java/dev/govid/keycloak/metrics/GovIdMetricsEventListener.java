package dev.govid.keycloak.metrics;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Keycloak's login events into {@link LoginOutcomes}. Global, so no realm has to list it; it writes nothing
 * unless Keycloak runs with {@code --metrics-enabled=true}.
 */
public class GovIdMetricsEventListener implements EventListenerProviderFactory, EventListenerProvider {

    public static final String ID = "govid-metrics";

    private final KeycloakSession session;

    public GovIdMetricsEventListener() {
        this(null);
    }

    private GovIdMetricsEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || event.getType() == null) {
            return;
        }
        switch (event.getType()) {
            case LOGIN ->
                LoginOutcomes.succeeded(
                        session,
                        event.getSessionId() == null
                                ? null
                                : session.sessions().getUserSession(realm, event.getSessionId()));
            case LOGIN_ERROR,
                    IDENTITY_PROVIDER_RESPONSE_ERROR,
                    IDENTITY_PROVIDER_LOGIN_ERROR,
                    IDENTITY_PROVIDER_FIRST_LOGIN_ERROR,
                    IDENTITY_PROVIDER_POST_LOGIN_ERROR ->
                LoginOutcomes.refused(session, session.getContext().getAuthenticationSession(), event.getError());
            default -> {}
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new GovIdMetricsEventListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
