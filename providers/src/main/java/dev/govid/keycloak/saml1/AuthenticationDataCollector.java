package dev.govid.keycloak.saml1;

import java.time.Instant;
import java.util.Optional;

import dev.govid.keycloak.bundid.BundIdAttribute;
import dev.govid.keycloak.bundid.BundIdSessionNotes;
import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandateSessionNote;
import dev.govid.keycloak.mandate.MandatorKind;
import dev.govid.keycloak.pvp.Bpk;
import dev.govid.keycloak.pvp.PvpAttribute;
import dev.govid.keycloak.pvp.PvpSessionNotes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.Urls;

/**
 * Collects MOA-ID's "Anmeldedaten" from what the eID login left in the user session: the PVP notes for an
 * ID Austria login, the BundID notes for a BundID login, and the mandate. Nothing is looked up elsewhere,
 * so the artifact carries exactly what this login proved.
 */
final class AuthenticationDataCollector {

    private AuthenticationDataCollector() {
    }

    static AuthenticationData collect(KeycloakSession session, RealmModel realm, ClientModel client, UserSessionModel userSession,
                                      String oa, String target) {
        MoaSaml1ClientSettings settings = MoaSaml1ClientSettings.of(client);
        AuthenticationData.Builder data = AuthenticationData.builder()
                .issuer(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()))
                .clientId(client.getClientId())
                .oaUrl(oa)
                .target(settings.privateSector() ? settings.businessRegisterNumber() : target)
                .privateSector(settings.privateSector())
                .authenticationInstant(Instant.ofEpochSecond(userSession.getStarted()));
        Optional<String> pvpBpk = PvpSessionNotes.attribute(userSession, PvpAttribute.BPK);
        if (pvpBpk.isPresent()) {
            Bpk bpk = Bpk.parse(pvpBpk.get()).orElseThrow(() -> new IllegalStateException("stored bPK is not valid"));
            data.bpk(bpk.value(), bpk.identifierType())
                    .givenName(pvp(userSession, PvpAttribute.GIVEN_NAME))
                    .familyName(pvp(userSession, PvpAttribute.PRINCIPAL_NAME))
                    .birthdate(pvp(userSession, PvpAttribute.BIRTHDATE))
                    .baseId(pvp(userSession, PvpAttribute.EID_SOURCE_PIN))
                    .identityLink(pvp(userSession, PvpAttribute.EID_IDENTITY_LINK))
                    .authBlock(pvp(userSession, PvpAttribute.EID_AUTH_BLOCK))
                    .signerCertificate(pvp(userSession, PvpAttribute.EID_SIGNER_CERTIFICATE))
                    .bkuUrl(pvp(userSession, PvpAttribute.EID_CCS_URL))
                    .issuingNation(pvp(userSession, PvpAttribute.EID_ISSUING_NATION))
                    .levelOfAssurance(userSession.getNote(PvpSessionNotes.LEVEL));
        } else {
            String bpk2 = userSession.getNote(BundIdSessionNotes.PERSON_KEY);
            if (bpk2 == null) {
                throw new IllegalStateException("the login delivered no person key (bPK or bPK2)");
            }
            data.bpk(bpk2, BUNDID_BPK2_TYPE)
                    .givenName(BundIdSessionNotes.attribute(userSession, BundIdAttribute.GIVEN_NAME).orElse(null))
                    .familyName(BundIdSessionNotes.attribute(userSession, BundIdAttribute.SURNAME).orElse(null))
                    .birthdate(BundIdSessionNotes.attribute(userSession, BundIdAttribute.BIRTHDATE).orElse(null))
                    .issuingNation(BundIdSessionNotes.attribute(userSession, BundIdAttribute.COUNTRY).orElse("DE"))
                    .levelOfAssurance(userSession.getNote(BundIdSessionNotes.LEVEL));
        }
        MandateSessionNote.read(userSession).map(AuthenticationDataCollector::mandateData).ifPresent(data::mandate);
        return data.build();
    }

    /** BundID's bPK2 is not an Austrian identifier; MOA-ID clients see it with its own type. */
    static final String BUNDID_BPK2_TYPE = "urn:bund:bundid:bpk2";

    private static String pvp(UserSessionModel userSession, PvpAttribute attribute) {
        return PvpSessionNotes.attribute(userSession, attribute).orElse(null);
    }

    private static AuthenticationData.MandateData mandateData(Mandate mandate) {
        Mandate.Mandator m = mandate.mandator();
        AuthenticationData.MandateData data = m.kind() == MandatorKind.LEGAL
                ? AuthenticationData.MandateData.legalPerson(mandate.type(), m.fullName(), m.identifier(), m.identifierType())
                : AuthenticationData.MandateData.naturalPerson(mandate.type(), m.givenName(), m.familyName(),
                        m.birthdate() == null ? null : m.birthdate().toString(), bpkValue(m.identifier()), m.identifierType());
        if (mandate.professionalRepresentative() != null) {
            data = data.withProfessionalRepresentative(mandate.professionalRepresentative().oid(), mandate.professionalRepresentative().description());
        }
        if (mandate.referenceValue() != null) {
            data = data.withReferenceValue(mandate.referenceValue());
        }
        if (mandate.fullMandate() != null) {
            data = data.withFullMandate(mandate.fullMandate());
        }
        return data;
    }

    private static String bpkValue(String identifier) {
        return identifier == null ? null : Bpk.parse(identifier).map(Bpk::value).orElse(identifier);
    }
}
