package dev.govid.keycloak.revisionlog;

import java.util.UUID;

import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.settings.SettingsReader;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Builds MOA-ID's statistics record from what the login left in client notes and the client's settings.
 * Only facts about the application and the kind of login go in — never a name, birthdate or person key.
 */
final class LoginStatistics {
    static final int MAX_MESSAGE = 255;

    private LoginStatistics() {}

    static LoginStatistic success(KeycloakSession session, AuthenticationSessionModel authSession, boolean sso) {
        LoginStatistic s = base(authSession);
        s.setSsoLogin(sso);
        return s;
    }

    static LoginStatistic failure(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            String exceptionType,
            String exceptionCode,
            String message) {
        LoginStatistic s = base(authSession);
        s.setExceptionType(RevisionLog.truncate(exceptionType, 64));
        s.setExceptionCode(RevisionLog.truncate(exceptionCode, 64));
        s.setExceptionMessage(RevisionLog.truncate(message, MAX_MESSAGE));
        return s;
    }

    private static LoginStatistic base(AuthenticationSessionModel authSession) {
        ClientModel client = authSession.getClient();
        SettingsReader settings = SettingsReader.of(client);
        LoginStatistic s = new LoginStatistic();
        s.setId(UUID.randomUUID().toString());
        s.setRealmId(authSession.getRealm().getId());
        s.setCreated(System.currentTimeMillis());
        s.setOaId(client.getClientId());
        s.setOaUrlPrefix(RevisionLog.truncate(
                firstNonBlank(firstOf(settings.raw("moa.oaUrlPrefixes")), client.getRootUrl(), client.getBaseUrl()),
                255));
        s.setOaFriendlyName(RevisionLog.truncate(
                firstNonBlank(settings.raw("moa.friendlyName"), client.getName(), client.getClientId()), 255));
        s.setBusinessService(RepresentationRules.privateSector(settings));
        s.setOaTarget(RevisionLog.truncate(settings.raw("moa.target"), 255));
        s.setBkuType(RevisionLog.truncate(authSession.getClientNote(TransactionNotes.EID_METHOD), 255));
        s.setBkuUrl(RevisionLog.truncate(authSession.getClientNote(TransactionNotes.EID_ENTITY), 255));
        String mandateType = authSession.getClientNote(TransactionNotes.MANDATE_TYPE);
        s.setMandateLogin(mandateType != null);
        s.setMandateType(RevisionLog.truncate(mandateType, 255));
        s.setMandatorType(authSession.getClientNote(TransactionNotes.MANDATOR_KIND));
        String pvOid = authSession.getClientNote(TransactionNotes.PV_OID);
        s.setPv(pvOid != null);
        s.setPvOid(RevisionLog.truncate(pvOid, 255));
        s.setProtocolType(statisticsProtocol(authSession.getProtocol()));
        s.setProtocolSubType(protocolSubType(authSession));
        return s;
    }

    /** 3000's value: MOA-ID's names for the protocol the application used. */
    static String protocolName(String protocol) {
        if (protocol == null) {
            return null;
        }
        return switch (protocol) {
            case "openid-connect" -> "OpenID Connect";
            case "saml" -> "PVP2";
            case "govid-moa-saml1" -> "SAML1";
            default -> protocol;
        };
    }

    private static String statisticsProtocol(String protocol) {
        if (protocol == null) {
            return null;
        }
        return switch (protocol) {
            case "openid-connect" -> "OpenID";
            case "saml" -> "PVP21";
            case "govid-moa-saml1" -> "SAML1";
            default -> protocol;
        };
    }

    private static String protocolSubType(AuthenticationSessionModel authSession) {
        if ("govid-moa-saml1".equals(authSession.getProtocol())) {
            return "Artifact";
        }
        if ("saml".equals(authSession.getProtocol())) {
            return authSession.getClientNote("saml_binding");
        }
        String mode = authSession.getClientNote("response_mode");
        return mode != null ? mode : "query";
    }

    private static String firstOf(String list) {
        if (list == null) {
            return null;
        }
        String first = list.split("[,\\s]+")[0];
        return first.isBlank() ? null : first;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
