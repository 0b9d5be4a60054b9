package dev.govid.keycloak.digid;

/** An artifact or its resolution GovID does not accept; the message key names the page the person sees. */
final class DigidArtifactRefused extends RuntimeException {

    private final String messageKey;

    DigidArtifactRefused(String messageKey, String reason) {
        super(reason, null, false, false);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
