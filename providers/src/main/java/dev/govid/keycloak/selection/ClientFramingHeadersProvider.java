package dev.govid.keycloak.selection;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.headers.SecurityHeadersOptions;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ContentSecurityPolicyBuilder;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's own security headers (from the realm's "Security defenses" settings), then, for an HTML page that
 * belongs to a client allowing iframe embedding, {@code frame-ancestors} widened to that client's origins and
 * {@code X-Frame-Options} dropped (it cannot name origins). Every other response keeps Keycloak's headers
 * untouched, so embedding stays refused unless a client asks for it.
 */
public class ClientFramingHeadersProvider implements SecurityHeadersProvider {

    private final KeycloakSession session;
    private final SecurityHeadersProvider keycloakHeaders;

    public ClientFramingHeadersProvider(KeycloakSession session, SecurityHeadersProvider keycloakHeaders) {
        this.session = session;
        this.keycloakHeaders = keycloakHeaders;
    }

    @Override
    public SecurityHeadersOptions options() {
        return keycloakHeaders.options();
    }

    @Override
    public void addHeaders(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        keycloakHeaders.addHeaders(requestContext, responseContext);
        if (!isHtml(responseContext.getMediaType())) {
            return;
        }
        FrameAncestors ancestors = ClientSelectionSettings.frameAncestors(currentClient());
        if (ancestors.allowsEmbedding()) {
            allowFraming(responseContext.getHeaders(), ancestors);
        }
    }

    /**
     * Widens a restriction Keycloak wrote; a response Keycloak left open on purpose (its login-status iframe
     * allows any ancestor, some endpoints skip the headers) has neither header and stays as it is.
     */
    static void allowFraming(MultivaluedMap<String, Object> headers, FrameAncestors ancestors) {
        String cspName = BrowserSecurityHeaders.CONTENT_SECURITY_POLICY.getHeaderName();
        Object csp = headers.getFirst(cspName);
        boolean restricted = headers.containsKey(BrowserSecurityHeaders.X_FRAME_OPTIONS.getHeaderName())
                || (csp != null
                        && csp.toString().contains(ContentSecurityPolicyBuilder.DIRECTIVE_NAME_FRAME_ANCESTORS));
        if (!restricted) {
            return;
        }
        ContentSecurityPolicyBuilder builder = csp == null
                ? ContentSecurityPolicyBuilder.create("")
                : ContentSecurityPolicyBuilder.create(csp.toString());
        headers.putSingle(
                cspName, builder.frameAncestors(ancestors.directiveValue()).build());
        headers.remove(BrowserSecurityHeaders.X_FRAME_OPTIONS.getHeaderName());
    }

    private ClientModel currentClient() {
        KeycloakContext context = session.getContext();
        if (context.getClient() != null) {
            return context.getClient();
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return authSession == null ? null : authSession.getClient();
    }

    private static boolean isHtml(MediaType type) {
        return type != null && "text".equalsIgnoreCase(type.getType()) && "html".equalsIgnoreCase(type.getSubtype());
    }

    @Override
    public void close() {
        keycloakHeaders.close();
    }
}
