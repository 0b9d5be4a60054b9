package dev.govid.keycloak.saml1;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Removes one attribute (by AttributeName) from the SAML1 assertion of a MOA-ID application. */
public class Saml1OmitAttributeMapper extends Saml1ProtocolMapper {

    public static final String ID = "govid-saml1-omit-attribute";
    static final String NAME = "saml1.attribute.name";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property()
            .name(NAME)
            .label("Attribute name")
            .helpText("AttributeName to leave out, e.g. isQualifiedCertificate or bkuURL.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .build();

    @Override
    public String getDisplayType() {
        return "SAML1 omit attribute";
    }

    @Override
    public String getHelpText() {
        return "Leaves an attribute out of the MOA-ID SAML1 assertion.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return ID;
    }
}
