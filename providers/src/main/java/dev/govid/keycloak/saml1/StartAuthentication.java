package dev.govid.keycloak.saml1;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.govid.keycloak.mandate.RepresentationMode;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.revisionlog.EventCode;
import dev.govid.keycloak.revisionlog.RevisionLog;
import dev.govid.keycloak.rules.ClientRules;
import dev.govid.keycloak.settings.HttpUrl;
import dev.govid.keycloak.settings.Misconfiguration;
import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.AuthorizationEndpointBase;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * MOA-ID's {@code StartAuthentication}: finds the online application by its OA URL (never redirecting to
 * an unregistered one), applies its sector and mandate settings, and runs the realm's normal browser login
 * (eID selection, SSO confirmation) with the SAML1 protocol answering at the end.
 */
class StartAuthentication extends AuthorizationEndpointBase {

    private static final Logger LOG = Logger.getLogger(StartAuthentication.class);

    StartAuthentication(KeycloakSession session, EventBuilder event) {
        super(session, event);
    }

    Response start(MultivaluedMap<String, String> params) {
        checkSsl();
        checkRealm();
        String oa = params.getFirst("OA");
        if (oa == null || oa.isBlank()) {
            return error(MoaStatus.INVALID_PARAMETER, null);
        }
        HttpUrl oaUrl;
        try {
            oaUrl = HttpUrl.parse(oa);
        } catch (HttpUrl.InvalidUrlException e) {
            LOG.infof("SAML1 StartAuthentication: the OA URL %s", e.getMessage());
            return error(MoaStatus.LOGIN_NOT_SUPPORTED_FOR_APPLICATION, oa);
        }
        if (oaUrl.hasFragment()) {
            LOG.info("SAML1 StartAuthentication: the OA URL has a fragment (#…)");
            return error(MoaStatus.LOGIN_NOT_SUPPORTED_FOR_APPLICATION, oa);
        }
        Optional<Candidate> application = applicationFor(session.getContext().getRealm(), oaUrl);
        if (application.isEmpty()) {
            return error(MoaStatus.LOGIN_NOT_SUPPORTED_FOR_APPLICATION, oa);
        }
        ClientModel client = application.get().client();
        Parsed<MoaSaml1ClientSettings> parsed = application.get().settings();
        if (!client.isEnabled() || !parsed.value().enabled()) {
            return error(MoaStatus.LOGIN_NOT_SUPPORTED_FOR_APPLICATION, oa);
        }
        List<SettingProblem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(ClientRules.settingsProblems(client));
        if (!problems.isEmpty()) {
            return Misconfiguration.clientPage(session, null, client, problems);
        }
        MoaSaml1ClientSettings settings = parsed.value();
        Saml1Target.Outcome target =
                Saml1Target.of(settings.target(), settings.privateSector(), params.getFirst("Target"));
        if (target.problem().isPresent()) {
            boolean missing = target.problem().get() == Saml1Target.Problem.MISSING;
            return error(MoaStatus.INVALID_PARAMETER, oa, missing ? "TargetMissing" : "TargetMalformed");
        }
        Optional<UseMandate> useMandateParam = UseMandate.parse(params.getFirst("useMandate"));
        if (useMandateParam.isEmpty()) {
            return error(MoaStatus.INVALID_PARAMETER, oa, "UseMandate");
        }
        UseMandate useMandate = useMandateParam.get();
        RepresentationRules rules = RepresentationRules.of(client);
        if (useMandate == UseMandate.YES && settings.privateSector()) {
            return error(MoaStatus.MANDATE_NOT_SUPPORTED_FOR_PRIVATE_SECTOR, oa);
        }
        if (useMandate == UseMandate.YES && !rules.allowsRepresentation()) {
            return error(MoaStatus.MANDATE_INVALID, oa);
        }
        if (useMandate == UseMandate.NO && rules.mode() == RepresentationMode.REQUIRED) {
            // The application asks for no mandate mode, its registration for nothing but: one of the two is wrong,
            // and guessing would hand it data it did not ask for or a login it cannot use.
            return error(MoaStatus.MANDATE_INVALID, oa, "MandateRequired");
        }

        AuthenticationSessionModel authSession = createAuthenticationSession(client, null);
        authSession.setProtocol(MoaSaml1LoginProtocolFactory.PROTOCOL_ID);
        RevisionLog.of(session).event(authSession, EventCode.SAML1_START_AUTHENTICATION, null);
        authSession.setRedirectUri(oa);
        authSession.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        authSession.setClientNote(MoaSaml1LoginProtocol.NOTE_OA, oa);
        Saml1Target settled = target.target().orElseThrow();
        if (settled.sector() != null) {
            authSession.setClientNote(MoaSaml1LoginProtocol.NOTE_TARGET, settled.sector());
        }
        if (settled.echoed() != null) {
            authSession.setClientNote(MoaSaml1LoginProtocol.NOTE_ECHOED_TARGET, settled.echoed());
        }
        Optional.ofNullable(params.getFirst("sourceID"))
                .filter(s -> !s.isBlank())
                .or(settings::sourceId)
                .ifPresent(s -> authSession.setClientNote(MoaSaml1LoginProtocol.NOTE_SOURCE_ID, s));
        Optional.ofNullable(params.getFirst("CCC"))
                .filter(c -> c.matches("[A-Za-z]{2}"))
                .ifPresent(c -> authSession.setClientNote(
                        MoaSaml1LoginProtocol.NOTE_COUNTRY, c.toUpperCase(java.util.Locale.ROOT)));
        // Answers "for myself / on behalf?" for the representation step and the rules (SSO included).
        if (useMandate != UseMandate.ABSENT) {
            RepresentationRequest.record(authSession, useMandate == UseMandate.YES);
        }
        Optional.ofNullable(params.getFirst(AdapterConstants.KC_IDP_HINT))
                .filter(h -> !h.isBlank())
                .ifPresent(h -> authSession.setClientNote(AdapterConstants.KC_IDP_HINT, h));
        LOG.debugf(
                "SAML1 StartAuthentication for %s (OA %s, mandate %s)",
                client.getClientId(), HttpUrl.forLog(oa), useMandate);
        return handleBrowserAuthenticationRequest(
                authSession, new MoaSaml1LoginProtocol().setSession(session), false, false);
    }

    private record Candidate(ClientModel client, Parsed<MoaSaml1ClientSettings> settings, int matchLength) {}

    /**
     * The SAML1 application with a registered prefix the OA URL lies under, the most specific prefix winning. Each
     * client's settings are read once; prefixes that are not valid URLs never match.
     */
    private Optional<Candidate> applicationFor(RealmModel realm, HttpUrl oa) {
        return realm.getClientsStream()
                .filter(c -> MoaSaml1LoginProtocolFactory.PROTOCOL_ID.equals(c.getProtocol()))
                .map(c -> {
                    Parsed<MoaSaml1ClientSettings> settings = MoaSaml1ClientSettings.read(c);
                    return settings.value().matchLength(oa).map(length -> new Candidate(c, settings, length));
                })
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(Candidate::matchLength));
    }

    private Response error(MoaStatus status, String oa) {
        return error(status, oa, "");
    }

    /** @param detail the message variant, e.g. {@code TargetMissing} for {@code govidMoa1002TargetMissing} */
    private Response error(MoaStatus status, String oa, String detail) {
        LOG.infof(
                "SAML1 StartAuthentication refused (MOA-ID %s%s) for OA %s",
                status.code(), detail.isEmpty() ? "" : ", " + detail, HttpUrl.forLog(oa));
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, "govidMoa" + status.code() + detail);
    }
}
