package dev.govid.simulator.response;

/**
 * A samlp:Status. {@code nestedCode}, {@code message} and {@code akdbDetailJson} may be null.
 */
public record SamlStatus(String code, String nestedCode, String message, String akdbDetailJson) {
    public static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public static final String RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    public static final String REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    public static final String INVALID_NAMEID_POLICY = "urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy";
    public static final String AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    public static final String REQUEST_DENIED = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";
    public static final String NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";
    public static final String NO_AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";

    public static SamlStatus success() {
        return new SamlStatus(SUCCESS, null, null, null);
    }

    /** The JSON BundID puts into akdb:StatusDetail. */
    public static String akdbDetail(String code, String message) {
        return "{\"version\":\"1.0\",\"errors\":[{\"code\":\"" + jsonEscape(code) + "\",\"message\":\""
                + jsonEscape(message) + "\"}]}";
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
