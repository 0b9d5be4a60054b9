package dev.govid.keycloak.bundid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.dom.saml.v2.protocol.StatusCodeType;
import org.keycloak.dom.saml.v2.protocol.StatusType;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.util.JsonSerialization;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A BundID error response read for its meaning: the SAML status codes (top level and nested) and the
 * error codes of {@code akdb:StatusDetail}, whose JSON BundID sends when the request asked for it.
 */
public record BundIdStatus(List<String> statusCodes, Optional<String> statusMessage, List<String> detailCodes) {

    static final String STATUS_PREFIX = "urn:oasis:names:tc:SAML:2.0:status:";

    public static BundIdStatus of(SAMLDocumentHolder holder) {
        List<String> codes = new ArrayList<>();
        Optional<String> message = Optional.empty();
        if (holder.getSamlObject() instanceof ResponseType response && response.getStatus() != null) {
            StatusType status = response.getStatus();
            for (StatusCodeType code = status.getStatusCode(); code != null; code = code.getStatusCode()) {
                if (code.getValue() != null) {
                    codes.add(code.getValue().toString());
                }
            }
            message = Optional.ofNullable(status.getStatusMessage());
        }
        return new BundIdStatus(codes, message, detailCodes(holder.getSamlDocument()));
    }

    private static List<String> detailCodes(Document document) {
        List<String> codes = new ArrayList<>();
        NodeList details = document.getElementsByTagNameNS(AkdbRequestExtension.AKDB_NS, "StatusDetail");
        for (int i = 0; i < details.getLength(); i++) {
            String json = details.item(i).getTextContent();
            try {
                JsonNode errors = JsonSerialization.readValue(json, JsonNode.class).path("errors");
                for (JsonNode error : errors) {
                    if (error.hasNonNull("code")) {
                        codes.add(error.get("code").asText());
                    }
                }
            } catch (Exception e) {
                // A detail we cannot read still leaves the SAML status codes to go by.
            }
        }
        return codes;
    }

    public boolean hasStatus(String suffix) {
        return statusCodes.stream().anyMatch(code -> code.equals(STATUS_PREFIX + suffix));
    }

    public boolean hasDetail(String code) {
        return detailCodes.stream().anyMatch(code::equalsIgnoreCase);
    }

    /** The message key of the page the person sees. */
    public String messageKey() {
        if (hasDetail("USER_CANCELLED") || hasDetail("USER_CANCELED") || hasStatus("AuthnFailed")) {
            return BundIdMessages.CANCELLED;
        }
        if (hasDetail("IDP_REQUIRED_ATTRIBUTES_MISSING")) {
            return BundIdMessages.REQUIRED_ATTRIBUTES_MISSING;
        }
        if (hasStatus("NoAuthnContext")) {
            return BundIdMessages.LEVEL_TOO_LOW;
        }
        if (hasStatus("RequestDenied")) {
            return BundIdMessages.REQUEST_DENIED;
        }
        return BundIdMessages.IDP_ERROR;
    }
}
