package dev.govid.keycloak.bundid;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.LevelDemand;
import dev.govid.keycloak.saml.EidRefusal;
import dev.govid.keycloak.saml.ReceivedAssertion;

/**
 * The BundID profile's rules for a response Keycloak has already validated and decrypted, as one function of
 * what came and what was asked for: signed Response, a level that meets the demand, an allowed method, every
 * required attribute, and a person key (bPK2, or a temporary login where the provider accepts those).
 */
final class BundIdResponseRules {

    private BundIdResponseRules() {}

    /**
     * @param requested the attributes asked for (provider settings and attribute mappers), {@code true} = required
     * @return the first rule the response breaks, or empty when the login may go on
     */
    static Optional<EidRefusal> check(
            ReceivedAssertion assertion,
            BundIdConfig config,
            LevelDemand demand,
            Map<BundIdAttribute, Boolean> requested) {
        if (!assertion.isResponseSigned()) {
            return refuse(BundIdMessages.RESPONSE_NOT_SIGNED, "the Response element is not signed");
        }
        Optional<AssuranceLevel> level = assertedLevel(assertion);
        if (level.isEmpty()) {
            return refuse(
                    BundIdMessages.LEVEL_MISSING, "no STORK level in AuthnContextClassRef or EID-CITIZEN-QAA-LEVEL");
        }
        if (!demand.isMetBy(level.get())) {
            return refuse(
                    BundIdMessages.LEVEL_TOO_LOW,
                    "asserted " + level.get().storkName() + ", required "
                            + demand.level().storkName());
        }
        Optional<AuthnMethod> method = method(assertion);
        List<AuthnMethod> allowed = config.getAllowedMethods();
        if (method.isPresent() && !allowed.isEmpty() && !allowed.contains(method.get())) {
            return refuse(
                    BundIdMessages.METHOD_NOT_ALLOWED, "method " + method.get().elementName() + " is not allowed");
        }
        for (Map.Entry<BundIdAttribute, Boolean> attribute : requested.entrySet()) {
            if (attribute.getValue()
                    && assertion.firstValue(attribute.getKey().oid()).isEmpty()) {
                return refuse(
                        BundIdMessages.REQUIRED_ATTRIBUTES_MISSING,
                        "required attribute " + attribute.getKey().friendlyName() + " missing");
            }
        }
        if (personKey(assertion, config).isEmpty()) {
            return refuse(BundIdMessages.TEMPORARY_LOGIN_REJECTED, "temporary login without bPK2");
        }
        return Optional.empty();
    }

    /** The level stated in AuthnContextClassRef, else in EID-CITIZEN-QAA-LEVEL. */
    static Optional<AssuranceLevel> assertedLevel(ReceivedAssertion assertion) {
        return assertion.authnContextClassRef().flatMap(AssuranceLevel::parse).or(() -> assertion
                .firstValue(BundIdAttribute.CITIZEN_QAA_LEVEL.oid())
                .flatMap(AssuranceLevel::parse));
    }

    static Optional<AuthnMethod> method(ReceivedAssertion assertion) {
        return assertion.firstValue(BundIdAttribute.ASSERTION_PROVED_BY.oid()).flatMap(AuthnMethod::lookup);
    }

    /** The person key and the prefix of the brokered user id: bPK2, or the transient NameID of an accepted temporary login. */
    static Optional<PersonKey> personKey(ReceivedAssertion assertion, BundIdConfig config) {
        Optional<String> bpk2 = assertion.firstValue(BundIdAttribute.BPK2.oid());
        if (bpk2.isPresent()) {
            return Optional.of(new PersonKey(bpk2.get(), "bundid-"));
        }
        if (config.getTemporaryLoginPolicy() == TemporaryLoginPolicy.ACCEPT
                && assertion.nameId().isPresent()) {
            return Optional.of(new PersonKey("temporary:" + assertion.nameId().get(), "bundid-temp-"));
        }
        return Optional.empty();
    }

    record PersonKey(String value, String userIdPrefix) {}

    private static Optional<EidRefusal> refuse(String messageKey, String reason) {
        return Optional.of(EidRefusal.of(messageKey, reason));
    }
}
