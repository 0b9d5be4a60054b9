package dev.govid.keycloak.revisionlog;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the revision-log tables with Keycloak's JPA and Liquibase (created or upgraded at start-up). */
public class RevisionLogJpaEntities implements JpaEntityProviderFactory, JpaEntityProvider {
    public static final String ID = "govid-revision-log";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(RevisionRecord.class, RevisionChain.class, LoginStatistic.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/govid-revisionlog-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
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
