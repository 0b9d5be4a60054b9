package dev.govid.keycloak.bundid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Turns an accepted BundID assertion into the eID-neutral {@link EidLogin}. */
final class BundIdLoginReader {

    /** BundID's bPK2 is not an Austrian identifier; it travels with its own type. */
    static final String BPK2_TYPE = "urn:bund:bundid:bpk2";

    private BundIdLoginReader() {}

    static EidLogin read(
            String alias, ReceivedAssertion assertion, AssuranceLevel level, Optional<AuthnMethod> method) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> trustLevels = new LinkedHashMap<>();
        for (BundIdAttribute attribute : BundIdAttribute.values()) {
            assertion.attribute(attribute.oid()).ifPresent(received -> {
                if (attribute != BundIdAttribute.BPK2) {
                    received.firstValue().ifPresent(value -> attributes.put(attribute.claimName(), value));
                }
                received.xmlAttribute(AkdbRequestExtension.AKDB_NS, "TrustLevel")
                        .flatMap(TrustLevel::parse)
                        .ifPresent(trust -> trustLevels.put(attribute.claimName(), trust.canonicalName()));
            });
        }
        Optional<String> bpk2 = assertion.firstValue(BundIdAttribute.BPK2.oid());
        EidLogin.Address address = new EidLogin.Address(
                attributes.get(BundIdAttribute.POSTAL_ADDRESS.claimName()),
                attributes.get(BundIdAttribute.POSTAL_CODE.claimName()),
                attributes.get(BundIdAttribute.LOCALITY_NAME.claimName()),
                attributes.get(BundIdAttribute.COUNTRY.claimName()));
        return new EidLogin(
                KeycloakModelUtils.generateId(),
                alias,
                BundIdIdentityProviderFactory.PROVIDER_ID,
                bpk2.map(key -> new EidLogin.PersonKey(key, BPK2_TYPE, null)).orElse(null),
                attributes.get(BundIdAttribute.GIVEN_NAME.claimName()),
                attributes.get(BundIdAttribute.SURNAME.claimName()),
                attributes.get(BundIdAttribute.BIRTHDATE.claimName()),
                address.isEmpty() ? null : address,
                level,
                method.map(AuthnMethod::elementName).orElse(null),
                attributes.getOrDefault(BundIdAttribute.COUNTRY.claimName(), "DE"),
                attributes,
                trustLevels,
                false,
                false,
                bpk2.isEmpty(),
                null);
    }
}
