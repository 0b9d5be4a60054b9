package dev.govid.keycloak.saml;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.SAMLRequestParser;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;

/**
 * Re-reads the SAMLResponse of the current request. Keycloak's broker hands a profile only the
 * StatusMessage of an error response; the nested status codes and status details the eID systems send are
 * in the response itself, which Keycloak's endpoint has already parsed and signature-checked by then.
 */
public final class CurrentSamlResponse {

    private static final Logger LOG = Logger.getLogger(CurrentSamlResponse.class);

    private CurrentSamlResponse() {}

    public static Optional<SAMLDocumentHolder> read(KeycloakSession session) {
        try {
            MultivaluedMap<String, String> form =
                    session.getContext().getHttpRequest().getDecodedFormParameters();
            String encoded = form == null ? null : form.getFirst(GeneralConstants.SAML_RESPONSE_KEY);
            if (encoded == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(SAMLRequestParser.parseResponsePostBinding(encoded));
        } catch (RuntimeException e) {
            LOG.debug("Could not re-read the SAML error response", e);
            return Optional.empty();
        }
    }
}
