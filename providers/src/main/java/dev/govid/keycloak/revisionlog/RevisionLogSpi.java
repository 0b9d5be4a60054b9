package dev.govid.keycloak.revisionlog;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The SPI {@code govid-revision-log}: {@link RevisionLog} per session, {@link RevisionLogProviderFactory} owning
 * what lives as long as the server. An SPI of its own so that Keycloak creates, caches per session and closes
 * the revision log like any other provider.
 */
public final class RevisionLogSpi implements Spi {
    public static final String NAME = "govid-revision-log";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RevisionLog.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RevisionLogProviderFactory.class;
    }
}
