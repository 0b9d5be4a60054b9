package dev.govid.keycloak.pvp;

import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.LevelDemand;
import dev.govid.keycloak.saml.EidRefusal;
import dev.govid.keycloak.saml.ReceivedAssertion;

/**
 * The PVP2 S-Profil / ID Austria rules for a response Keycloak has already validated and decrypted, as one
 * function of what came and what was asked for: signed Response, well-formed attributes, an accepted PVP
 * version, a level that meets the demand, no test identity on a production connection, a bPK of the
 * configured sector (named consistently) and every required attribute.
 */
final class PvpResponseRules {
    /** MOA-ID 1008: minimum identification data missing (level, bPK, required attributes). */
    static final String MOA_DATA_MISSING = "1008";
    /** MOA-ID 1111: the person may not use this application (test identity on a production connection). */
    static final String MOA_ACCESS_DENIED = "1111";
    /** MOA-ID 4400: the authentication data cannot be built from the answer (unknown profile version, contradicting sector). */
    static final String MOA_NOT_BUILDABLE = "4400";

    static final String TEST_IDENTITY_STATUS = "http://eid.gv.at/eID/status/testidentity";

    private PvpResponseRules() {}

    /**
     * @param requested the attributes asked for (provider settings and attribute mappers), {@code true} = required
     * @return the first rule the response breaks, or empty when the login may go on
     */
    static Optional<EidRefusal> check(
            ReceivedAssertion assertion, PvpConfig config, LevelDemand demand, Map<PvpAttribute, Boolean> requested) {
        if (!assertion.isResponseSigned()) {
            return Optional.of(EidRefusal.of(
                    PvpMessages.RESPONSE_NOT_SIGNED,
                    "only the assertion is signed (PVP2-S requires a signed Response)"));
        }
        for (ReceivedAssertion.ReceivedAttribute received :
                assertion.attributes().values()) {
            Optional<PvpAttribute> attribute = PvpAttribute.byUri(received.name());
            for (String value : received.values()) {
                String problem = attribute.map(a -> a.problemWith(value)).orElse(null);
                if (problem != null) {
                    return Optional.of(EidRefusal.of(PvpMessages.INVALID_ATTRIBUTE, problem));
                }
            }
        }
        Optional<String> versionProblem =
                PvpVersion.problem(assertion.firstValue(PvpAttribute.PVP_VERSION.uri()), config.getAcceptedVersions());
        if (versionProblem.isPresent()) {
            return refuse(PvpMessages.VERSION_NOT_ACCEPTED, versionProblem.get(), MOA_NOT_BUILDABLE);
        }
        PvpLevel stated = statedLevel(assertion);
        Optional<AssuranceLevel> level = stated.level();
        if (level.isEmpty()) {
            return refuse(
                    PvpMessages.LEVEL_MISSING,
                    "no level in AuthnContextClassRef, EID-CITIZEN-QAA-EIDAS-LEVEL, EID-CITIZEN-QAA-LEVEL or SECCLASS",
                    MOA_DATA_MISSING);
        }
        if (!demand.isMetBy(level.get())) {
            return refuse(
                    PvpMessages.LEVEL_TOO_LOW,
                    "asserted " + level.get().storkName() + " (" + stated + ")",
                    MOA_DATA_MISSING);
        }
        if (isTestIdentity(assertion) && !config.isTestConnection()) {
            return refuse(
                    PvpMessages.TEST_IDENTITY,
                    "test identity (EID-IDENTITY-STATUS-LEVEL) on a production connection",
                    MOA_ACCESS_DENIED);
        }
        Optional<Bpk> bpk = bpk(assertion);
        if (bpk.isEmpty()) {
            return refuse(PvpMessages.BPK_MISSING, "no bPK", MOA_DATA_MISSING);
        }
        if (!bpk.get().belongsTo(config.getSector())) {
            return refuse(
                    PvpMessages.WRONG_SECTOR,
                    "bPK of sector " + bpk.get().sector() + ", expected " + config.getSector(),
                    MOA_DATA_MISSING);
        }
        // The IdP names the bPK's sector a second time; two different answers mean the person key cannot be trusted.
        Optional<String> sectorForIdentifier = assertion.firstValue(PvpAttribute.EID_SECTOR_FOR_IDENTIFIER.uri());
        if (sectorForIdentifier.isPresent() && !bpk.get().belongsTo(sectorForIdentifier.get())) {
            return refuse(
                    PvpMessages.SECTOR_MISMATCH,
                    "bPK of sector " + bpk.get().sector() + " but EID-SECTOR-FOR-IDENTIFIER "
                            + sectorForIdentifier.get(),
                    MOA_NOT_BUILDABLE);
        }
        for (Map.Entry<PvpAttribute, Boolean> attribute : requested.entrySet()) {
            if (attribute.getValue()
                    && assertion.firstValue(attribute.getKey().uri()).isEmpty()) {
                return refuse(
                        PvpMessages.REQUIRED_ATTRIBUTES_MISSING,
                        "required attribute " + attribute.getKey().friendlyName() + " missing",
                        MOA_DATA_MISSING);
            }
        }
        return Optional.empty();
    }

    /** The level that counts (see {@link PvpLevel}: the lowest one the response states anywhere). */
    static PvpLevel statedLevel(ReceivedAssertion assertion) {
        return PvpLevel.of(assertion.authnContextClassRef(), attribute -> assertion.firstValue(attribute.uri()));
    }

    static Optional<Bpk> bpk(ReceivedAssertion assertion) {
        return assertion.firstValue(PvpAttribute.BPK.uri()).flatMap(Bpk::parse);
    }

    /** ID Austria marks test identities with EID-IDENTITY-STATUS-LEVEL (and requires SPs to restrict them). */
    static boolean isTestIdentity(ReceivedAssertion assertion) {
        return assertion
                .firstValue(PvpAttribute.EID_IDENTITY_STATUS_LEVEL.uri())
                .map(TEST_IDENTITY_STATUS::equals)
                .orElse(false);
    }

    private static Optional<EidRefusal> refuse(String messageKey, String reason, String moaStatusCode) {
        return Optional.of(new EidRefusal(messageKey, reason, moaStatusCode));
    }
}
