package dev.govid.keycloak.saml1;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import dev.govid.keycloak.saml1.AuthenticationData.MandateData;

/** Sample logins shared by the saml1 tests (test persons, not real people). */
final class Saml1TestData {

    static final String ISSUER = "https://id.example.gv.at/realms/austria";
    static final String BPK = "Ugw4Z8vXf/hzNSfQvyoNPmvPnVo=";
    static final String BPK_TYPE = "urn:publicid:gv.at:cdid+BF";
    static final String WBPK_TYPE = "urn:publicid:gv.at:wbpk+FN+468924i";
    static final String BASE_ID = "000218451112";
    static final String IDENTITY_LINK =
            Base64.getEncoder().encodeToString("identity-link".getBytes(StandardCharsets.UTF_8));
    static final String AUTH_BLOCK = Base64.getEncoder().encodeToString("auth-block".getBytes(StandardCharsets.UTF_8));
    static final String SIGNER_CERT =
            Base64.getEncoder().encodeToString("signer-cert".getBytes(StandardCharsets.UTF_8));
    static final Instant NOW = Instant.parse("2025-03-04T10:15:30.123Z");

    static final String FULL_MANDATE_XML =
            "<md:Mandate xmlns:md=\"http://reference.e-government.gv.at/namespace/mandates/20040701#\""
                    + " xmlns:pr=\"http://reference.e-government.gv.at/namespace/persondata/20020228#\" MandateID=\"m-4711\">"
                    + "<md:Annotation>Generalvollmacht</md:Annotation>"
                    + "<md:Representative><pr:PhysicalPerson><pr:Name><pr:GivenName>Max</pr:GivenName>"
                    + "<pr:FamilyName>Mustermann</pr:FamilyName></pr:Name></pr:PhysicalPerson></md:Representative>"
                    + "<md:Mandator><pr:CorporateBody><pr:FullName>Muster GmbH</pr:FullName></pr:CorporateBody></md:Mandator>"
                    + "</md:Mandate>";

    private Saml1TestData() {}

    static Saml1AssertionBuilder builder() {
        return new Saml1AssertionBuilder(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
    }

    /** A public-sector login with every optional value present, so flags alone decide what is sent. */
    static AuthenticationData.Builder person() {
        return AuthenticationData.builder()
                .issuer(ISSUER)
                .clientId("portal-bf")
                .oaUrl("https://portal.example.gv.at/login")
                .target("BF")
                .bpk(BPK, BPK_TYPE)
                .givenName("Max")
                .familyName("Mustermann")
                .birthdate("1940-01-01")
                .baseId(BASE_ID)
                .identityLink(IDENTITY_LINK)
                .authBlock(AUTH_BLOCK)
                .signerCertificate(SIGNER_CERT)
                .qualifiedCertificate(true)
                .bkuUrl("https://eid.oesterreich.gv.at/")
                .issuingNation("AT")
                .authenticationInstant(NOW)
                .levelOfAssurance("http://www.stork.gov.eu/1.0/citizenQAALevel/4");
    }

    static AuthenticationData publicSector() {
        return person().build();
    }

    static AuthenticationData privateSector() {
        return person().privateSector(true)
                .target("FN+468924i")
                .bpk(BPK, WBPK_TYPE)
                .build();
    }

    static MandateData naturalMandator() {
        return MandateData.naturalPerson(
                        "GeneralvollmachtBilateral",
                        "Erika",
                        "Musterfrau",
                        "1950-02-02",
                        "Aaaabbbbccccddddeeeeffffgggg=",
                        null)
                .withReferenceValue("REF-123");
    }

    static MandateData legalMandator() {
        return MandateData.legalPerson("ERsB", "Muster GmbH", "468924i", "urn:publicid:gv.at:baseid+XFN")
                .withProfessionalRepresentative("1.2.40.0.10.3.1", "Rechtsanwalt")
                .withReferenceValue("REF-456")
                .withFullMandate(Base64.getEncoder().encodeToString(FULL_MANDATE_XML.getBytes(StandardCharsets.UTF_8)));
    }

    static Saml1ClientFlags flags(boolean all, int minorVersion) {
        return new Saml1ClientFlags(all, all, all, all, all, minorVersion);
    }
}
