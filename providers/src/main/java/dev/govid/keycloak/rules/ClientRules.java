package dev.govid.keycloak.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.govid.keycloak.loa.AchievedLevel;
import dev.govid.keycloak.login.ClientDataNeeds;
import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.mandate.RepresentationCheck;
import dev.govid.keycloak.mandate.RepresentationRequest;
import dev.govid.keycloak.mandate.RepresentationRules;
import dev.govid.keycloak.settings.Parsed;
import dev.govid.keycloak.settings.SettingProblem;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Judges what a login proved against the rules of the client now asking for a session. Pure decision, no side
 * effects: the eID profiles, the SSO step and the required action act on the answer.
 */
public final class ClientRules {

    /**
     * Client attribute: {@code refuse} keeps test identities out even where the eID connection lets them in;
     * {@code allow} (default) leaves it to the connection.
     */
    public static final String TEST_IDENTITIES = "govid.testIdentities";

    private ClientRules() {}

    /**
     * @param session     the request, to ask the client's mappers what data of the login they need
     * @param authSession the login for this client: its client, the level it asks for, whether its protocol asked for a mandate
     * @param login       what the session's eID login proved; empty for a session without an eID login
     */
    public static Optional<RuleViolation> check(
            KeycloakSession session, AuthenticationSessionModel authSession, Optional<EidLogin> login) {
        ClientModel client = authSession.getClient();
        Parsed<RepresentationRules> parsedRepresentation = RepresentationRules.read(client);
        Parsed<ClientRuleSettings> parsedRules = ClientRuleSettings.read(client);
        if (!parsedRepresentation.valid() || !parsedRules.valid()) {
            return Optional.of(RuleViolation.misconfigured(settingsProblems(parsedRepresentation, parsedRules)));
        }
        RepresentationRules representation = parsedRepresentation.value();
        ClientRuleSettings rules = parsedRules.value();
        boolean mandateAsked = RepresentationRequest.isOnBehalf(authSession);
        if (login.isEmpty()) {
            return RepresentationCheck.check(representation, Optional.empty(), mandateAsked, false)
                    .map(RuleViolation::of);
        }
        EidLogin proven = login.get();
        if (!rules.offeredEids().isEmpty() && !rules.offeredEids().contains(proven.eid())) {
            return Optional.of(RuleViolation.eidNotOffered(proven.eid()));
        }
        OptionalInt requested = AchievedLevel.requestedBy(authSession);
        int provenLevel = proven.level() == null ? 0 : proven.level().keycloakLevel();
        if (requested.isPresent() && requested.getAsInt() > provenLevel) {
            return Optional.of(RuleViolation.levelTooLow(provenLevel, requested.getAsInt()));
        }
        if (proven.testIdentity() && rules.refusesTestIdentities()) {
            return Optional.of(RuleViolation.testIdentity());
        }
        if (!proven.keptOrAll().covers(ClientDataNeeds.of(session.getKeycloakSessionFactory(), client))) {
            // The session kept only what the clients of its eID login needed; this one needs more (data minimisation).
            return Optional.of(RuleViolation.dataNotKept());
        }
        return RepresentationCheck.check(
                        representation,
                        proven.optionalMandate(),
                        mandateAsked,
                        RepresentationRequest.isDeclaredSelf(authSession),
                        proven.foreignPerson(),
                        LocalDate.now(RepresentationCheck.MANDATE_ZONE))
                .map(RuleViolation::of);
    }

    /**
     * What is wrong with the client's rule settings (representation rules, offered eIDs, test identities); empty
     * when a login can be judged by them. A login for a client with problems is refused ({@link RuleViolation#misconfigured}).
     */
    public static List<SettingProblem> settingsProblems(ClientModel client) {
        return settingsProblems(RepresentationRules.read(client), ClientRuleSettings.read(client));
    }

    private static List<SettingProblem> settingsProblems(Parsed<?>... groups) {
        List<SettingProblem> problems = new ArrayList<>();
        for (Parsed<?> group : groups) {
            problems.addAll(group.problems());
        }
        return problems;
    }
}
