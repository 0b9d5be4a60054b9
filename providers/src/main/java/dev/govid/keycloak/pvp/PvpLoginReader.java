package dev.govid.keycloak.pvp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.saml.ReceivedAssertion;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Turns an accepted ID Austria / PVP assertion into the eID-neutral {@link EidLogin}. */
final class PvpLoginReader {

    private PvpLoginReader() {}

    static EidLogin read(
            String alias, ReceivedAssertion assertion, AssuranceLevel level, Bpk bpk, Optional<Mandate> mandate) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (PvpAttribute attribute : PvpAttribute.values()) {
            if (attribute != PvpAttribute.BPK && !attribute.isMandateAttribute()) {
                assertion.firstValue(attribute.uri()).ifPresent(value -> attributes.put(attribute.claimName(), value));
            }
        }
        Optional<String> nation = assertion.firstValue(PvpAttribute.EID_ISSUING_NATION.uri());
        return new EidLogin(
                KeycloakModelUtils.generateId(),
                alias,
                PvpIdentityProviderFactory.PROVIDER_ID,
                new EidLogin.PersonKey(bpk.value(), bpk.identifierType(), bpk.sector()),
                attributes.get(PvpAttribute.GIVEN_NAME.claimName()),
                attributes.get(PvpAttribute.PRINCIPAL_NAME.claimName()),
                attributes.get(PvpAttribute.BIRTHDATE.claimName()),
                null,
                level,
                null,
                nation.orElse(null),
                attributes,
                Map.of(),
                nation.map(n -> !"AT".equals(n)).orElse(false),
                PvpResponseRules.isTestIdentity(assertion),
                false,
                mandate.orElse(null));
    }
}
