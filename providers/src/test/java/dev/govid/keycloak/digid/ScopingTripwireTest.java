package dev.govid.keycloak.digid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.ScopingType;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.keycloak.saml.processing.core.saml.v2.util.XMLTimeUtil;

/**
 * Why GovID does not send DigiD 4.x's {@code Scoping/RequesterID} (asking for DigiD Machtigen up front): Keycloak
 * 26.7's {@code AuthnRequestType} has a Scoping, but {@code SAMLRequestWriter} never writes it, and the broker signs the
 * document that writer produced. If this test fails, Keycloak writes Scoping now: set it in
 * {@link DigidIdentityProvider#adjustAuthnRequest} and update docs/digid.md.
 */
class ScopingTripwireTest {

    @Test
    void keycloaksRequestWriterDropsScoping() throws Exception {
        AuthnRequestType request = new AuthnRequestType("ID_scoping", XMLTimeUtil.getIssueInstant());
        NameIDType issuer = new NameIDType();
        issuer.setValue("urn:nl-eid-gdi:1.0:DV:00000009999999999001:entities:9001");
        request.setIssuer(issuer);
        ScopingType scoping = new ScopingType();
        scoping.addRequesterID(URI.create("urn:nl-eid-gdi:1.0:DV:00000009999999999001:entities:9001"));
        request.setScoping(scoping);

        String xml = DocumentUtil.asString(SAML2Request.convert(request));

        assertThat(xml).contains("ID_scoping").doesNotContain("Scoping").doesNotContain("RequesterID");
    }
}
