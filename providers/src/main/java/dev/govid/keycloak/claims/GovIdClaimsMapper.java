package dev.govid.keycloak.claims;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * An OIDC token mapper listed under "Token mapper" in the admin console, with the mapper's own settings followed
 * by Keycloak's standard switches for ID token, access token, userinfo and introspection.
 */
public abstract class GovIdClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> configProperties;

    protected GovIdClaimsMapper(
            String id, String displayType, String helpText, List<ProviderConfigProperty> ownSettings) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        List<ProviderConfigProperty> properties = new ArrayList<>(ownSettings);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, getClass());
        this.configProperties = List.copyOf(properties);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }
}
