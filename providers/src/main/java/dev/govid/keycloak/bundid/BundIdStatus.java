package dev.govid.keycloak.bundid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govid.keycloak.saml.StatusCodes;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.util.JsonSerialization;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A BundID error response read for its meaning: the SAML status codes (top level and nested) and the
 * error codes of {@code akdb:StatusDetail}, whose JSON BundID sends when the request asked for it.
 */
public record BundIdStatus(List<String> statusCodes, Optional<String> statusMessage, List<String> detailCodes) {

    public static BundIdStatus of(SAMLDocumentHolder holder) {
        Optional<String> message = Optional.empty();
        if (holder.getSamlObject() instanceof ResponseType response && response.getStatus() != null) {
            message = Optional.ofNullable(response.getStatus().getStatusMessage());
        }
        return new BundIdStatus(StatusCodes.of(holder), message, detailCodes(holder.getSamlDocument()));
    }

    private static List<String> detailCodes(Document document) {
        List<String> codes = new ArrayList<>();
        NodeList details = document.getElementsByTagNameNS(AkdbRequestExtension.AKDB_NS, "StatusDetail");
        for (int i = 0; i < details.getLength(); i++) {
            String json = details.item(i).getTextContent();
            try {
                JsonNode errors =
                        JsonSerialization.readValue(json, JsonNode.class).path("errors");
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
        return StatusCodes.has(statusCodes, suffix);
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
