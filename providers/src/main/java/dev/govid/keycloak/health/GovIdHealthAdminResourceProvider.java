package dev.govid.keycloak.health;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link GovIdHealthAdminResource}. Option {@code certificateWarningDays} (default 30, BundID's portal
 * refuses certificates expiring sooner): a certificate closer to its end than this fails the self-test.
 */
public class GovIdHealthAdminResourceProvider implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    public static final String ID = "govid-health";
    static final String WARNING_DAYS = "certificateWarningDays";
    static final int DEFAULT_WARNING_DAYS = 30;

    private int warningDays = DEFAULT_WARNING_DAYS;

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new GovIdHealthAdminResource(session, realm, auth, warningDays);
    }

    int warningDays() {
        return warningDays;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
        warningDays = Math.max(0, config.getInt(WARNING_DAYS, DEFAULT_WARNING_DAYS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(WARNING_DAYS)
                .type("int")
                .defaultValue(DEFAULT_WARNING_DAYS)
                .helpText(
                        "A certificate (ours or an eID IdP's) expiring within this many days fails the GovID self-test.")
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
