package dev.govid.keycloak.saml;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.dom.saml.v2.protocol.StatusCodeType;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;

/** The SAML status codes of a response, top level first, then each nested one. */
public final class StatusCodes {

    public static final String PREFIX = "urn:oasis:names:tc:SAML:2.0:status:";

    private StatusCodes() {}

    public static List<String> of(SAMLDocumentHolder holder) {
        List<String> codes = new ArrayList<>();
        if (holder.getSamlObject() instanceof ResponseType response && response.getStatus() != null) {
            for (StatusCodeType code = response.getStatus().getStatusCode();
                    code != null;
                    code = code.getStatusCode()) {
                if (code.getValue() != null) {
                    codes.add(code.getValue().toString());
                }
            }
        }
        return codes;
    }

    public static boolean has(List<String> codes, String suffix) {
        return codes.contains(PREFIX + suffix);
    }
}
