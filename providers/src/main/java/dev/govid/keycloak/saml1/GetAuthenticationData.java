package dev.govid.keycloak.saml1;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.metrics.GovIdMetrics;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.Parsed;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * MOA-ID's {@code GetAuthenticationData} SOAP service: resolves an artifact exactly once, cluster-wide
 * (the single-use store's atomic remove), and answers with the SAML1 assertion — or a SAML1 status with the
 * MOA-ID code, or a SOAP fault for a request that is not one.
 */
class GetAuthenticationData {

    private static final Logger LOG = Logger.getLogger(GetAuthenticationData.class);
    private static final MediaType SOAP = MediaType.valueOf("text/xml; charset=utf-8");

    private final KeycloakSession session;

    GetAuthenticationData(KeycloakSession session) {
        this.session = session;
    }

    Response handle(InputStream in) {
        byte[] body;
        try {
            body = readLimited(in, SoapRequestParser.MAX_BODY_BYTES);
        } catch (IOException e) {
            return soapFault(false, "request body could not be read");
        }
        if (body == null) {
            return uncached(Response.status(413)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("GetAuthenticationData request too large"));
        }
        AuthenticationDataRequest request;
        try {
            request = SoapRequestParser.parse(body);
        } catch (MalformedSoapRequestException e) {
            return soapFault(true, e.getMessage());
        }
        Optional<SamlArtifact> artifact = SamlArtifact.parse(request.artifact());
        if (artifact.isEmpty()) {
            return status(request, MoaStatus.ARTIFACT_MALFORMED);
        }
        RealmModel realm = session.getContext().getRealm();
        // Peek first: a caller that fails the application's back-channel authentication must not be able to
        // burn the artifact. Resolution itself is the atomic remove below.
        Map<String, String> peeked =
                session.singleUseObjects().get(artifact.get().key());
        ClientModel owner = peeked == null ? null : realm.getClientById(peeked.get(MoaSaml1LoginProtocol.STORE_CLIENT));
        if (owner == null) {
            GovIdMetrics.saml1Artifact("unknown");
            return status(request, MoaStatus.ARTIFACT_UNKNOWN);
        }
        Parsed<MoaSaml1ClientSettings> parsed = MoaSaml1ClientSettings.read(owner);
        if (!parsed.valid()) {
            // Fail closed: with a broken back-channel setting nobody can be sure who may fetch the data.
            Misconfiguration.log(Misconfiguration.describe(owner), parsed.problems());
            return status(request, MoaStatus.ARTIFACT_UNKNOWN);
        }
        MoaSaml1ClientSettings settings = parsed.value();
        if (!BackChannelAuthentication.accepts(session, owner, settings)) {
            // The same code as an unknown artifact, so callers cannot probe which artifacts exist.
            return status(request, MoaStatus.ARTIFACT_UNKNOWN);
        }
        Map<String, String> stored =
                session.singleUseObjects().remove(artifact.get().key());
        if (stored == null) {
            GovIdMetrics.saml1Artifact("unknown");
            return status(request, MoaStatus.ARTIFACT_UNKNOWN);
        }
        GovIdMetrics.saml1Artifact("resolved");
        String loginError = stored.get(MoaSaml1LoginProtocol.STORE_ERROR);
        if (loginError != null) {
            MoaStatus status = MoaStatus.byCode(Integer.parseInt(loginError)).orElse(MoaStatus.INTERNAL_ERROR);
            return uncached(Response.ok(Saml1Responses.error(request, status), SOAP));
        }
        String xml = Saml1Responses.success(
                request.requestId(),
                Integer.parseInt(stored.get(MoaSaml1LoginProtocol.STORE_MINOR_VERSION)),
                stored.get(MoaSaml1LoginProtocol.STORE_ASSERTION));
        return uncached(Response.ok(xml, SOAP));
    }

    private Response status(AuthenticationDataRequest request, MoaStatus status) {
        LOG.infof("SAML1 GetAuthenticationData refused: MOA-ID %s", status.code());
        return uncached(Response.ok(Saml1Responses.error(request, status), SOAP));
    }

    private static Response soapFault(boolean clientFault, String reason) {
        return uncached(Response.status(Response.Status.INTERNAL_SERVER_ERROR)
                .type(SOAP)
                .entity(Saml1Responses.soapFault(clientFault, reason)));
    }

    /**
     * The SAML SOAP binding's caching rule (HTTP proxies must not cache SAML protocol messages; responders send
     * {@code Cache-Control: no-cache, no-store} and {@code Pragma: no-cache}). Every answer of this service gets it,
     * so no intermediary keeps authentication data or a status about an artifact.
     */
    private static Response uncached(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-cache, no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /** The body, or null when it is longer than the limit (read no further than limit + 1 bytes). */
    static byte[] readLimited(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
