package dev.govid.keycloak.saml1;

import java.time.Instant;
import java.util.regex.Pattern;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.login.EidLoginNote;
import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * Collects MOA-ID's "Anmeldedaten" from the eID-neutral login model, only for a client session the per-client
 * rules passed: person key with its type, names, birthdate, the identity-link family of attributes where the eID
 * system delivered them, level, and the mandate. Nothing is looked up elsewhere, so the artifact carries exactly
 * what this login proved.
 */
final class AuthenticationDataCollector {

    private AuthenticationDataCollector() {}

    static AuthenticationData collect(
            KeycloakSession session,
            RealmModel realm,
            ClientModel client,
            AuthenticatedClientSessionModel clientSession,
            String oa,
            String target) {
        MoaSaml1ClientSettings settings = MoaSaml1ClientSettings.of(client);
        AuthenticationData.Builder data = AuthenticationData.builder()
                .issuer(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()))
                .clientId(client.getClientId())
                .oaUrl(oa)
                .target(settings.privateSector() ? settings.businessRegisterNumber() : target)
                .privateSector(settings.privateSector())
                .authenticationInstant(
                        Instant.ofEpochSecond(clientSession.getUserSession().getStarted()));
        EidLogin login = EidLoginNote.forClient(session, clientSession)
                .orElseThrow(() ->
                        new IllegalStateException("no eID login passed the client's rules for this client session"));
        if (login.personKey() == null) {
            throw new IllegalStateException("the login delivered no person key");
        }
        data.bpk(login.personKey().value(), login.personKey().type())
                .givenName(login.givenName())
                .familyName(login.familyName())
                .birthdate(login.birthdate())
                .baseId(login.attribute("source_pin").orElse(null))
                .identityLink(login.attribute("identity_link").orElse(null))
                .authBlock(login.attribute("auth_block").orElse(null))
                .signerCertificate(login.attribute("signer_certificate").orElse(null))
                .bkuUrl(login.attribute("ccs_url").orElse(null))
                .issuingNation(login.issuingNation())
                .levelOfAssurance(login.level().storkName());
        login.optionalMandate().map(AuthenticationDataCollector::mandateData).ifPresent(data::mandate);
        return data.build();
    }

    private static AuthenticationData.MandateData mandateData(Mandate mandate) {
        Mandate.Mandator m = mandate.mandator();
        AuthenticationData.MandateData data = m.kind() == MandatorKind.LEGAL
                ? AuthenticationData.MandateData.legalPerson(
                        mandate.type(), m.fullName(), m.identifier(), m.identifierType())
                : AuthenticationData.MandateData.naturalPerson(
                        mandate.type(),
                        m.givenName(),
                        m.familyName(),
                        m.birthdate() == null ? null : m.birthdate().toString(),
                        bpkValue(m.identifier()),
                        m.identifierType());
        if (mandate.professionalRepresentative() != null) {
            data = data.withProfessionalRepresentative(
                    mandate.professionalRepresentative().oid(),
                    mandate.professionalRepresentative().description());
        }
        if (mandate.referenceValue() != null) {
            data = data.withReferenceValue(mandate.referenceValue());
        }
        if (mandate.fullMandate() != null) {
            data = data.withFullMandate(mandate.fullMandate());
        }
        return data;
    }

    /** MOA-ID sends the mandator's bPK without its sector prefix ({@code BF:…}); the type says the sector. */
    private static String bpkValue(String identifier) {
        return identifier == null ? null : SECTOR_PREFIX.matcher(identifier).replaceFirst("");
    }

    private static final Pattern SECTOR_PREFIX =
            Pattern.compile("^([A-Z]{1,5}(-[A-Z]{1,5})?|X?(FN|ZVR|ERSB|ERJ)\\+[A-Za-z0-9]{1,20}):");
}
