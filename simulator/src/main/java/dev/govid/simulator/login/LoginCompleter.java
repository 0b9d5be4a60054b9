package dev.govid.simulator.login;

import dev.govid.simulator.Fault;
import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.persona.Persona;
import dev.govid.simulator.persona.PersonaCatalog;
import dev.govid.simulator.request.AkdbRequest;
import dev.govid.simulator.request.AuthMethod;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.response.AttributeRelease;
import dev.govid.simulator.response.ResponseIssuer;
import dev.govid.simulator.response.SamlStatus;

/** Turns the submitted login form into the SAML Response for the SP. */
public final class LoginCompleter {
    static final String CANCEL_MESSAGE = "Der Vorgang wurde vom Nutzer abgebrochen";

    private final TransactionStore<LoginTransaction> transactions;
    private final PersonaCatalog personas;
    private final ResponseIssuer issuer;
    private final ResponseLog responseLog;

    public LoginCompleter(
            TransactionStore<LoginTransaction> transactions,
            PersonaCatalog personas,
            ResponseIssuer issuer,
            ResponseLog responseLog) {
        this.transactions = transactions;
        this.personas = personas;
        this.issuer = issuer;
        this.responseLog = responseLog;
    }

    /** @throws RequestRejectedException for form input that cannot lead to any SAML Response */
    public IssuedResponse complete(String txId, String action, String personaId, String methodName, String faultName) {
        Fault fault = faultName == null || faultName.isEmpty()
                ? Fault.NONE
                : Fault.fromWireName(faultName)
                        .orElseThrow(() ->
                                new RequestRejectedException("unknown-fault", "unknown test scenario " + faultName));
        if (!"login".equals(action) && !"cancel".equals(action) && action != null) {
            throw new RequestRejectedException("invalid-request", "unknown action " + action);
        }
        LoginTransaction tx = transactions
                .take(txId)
                .orElseThrow(() ->
                        new RequestRejectedException("unknown-transaction", "login transaction unknown or expired"));
        if ("cancel".equals(action)) {
            return record(issuer.error(
                    tx,
                    new SamlStatus(
                            SamlStatus.RESPONDER,
                            SamlStatus.AUTHN_FAILED,
                            CANCEL_MESSAGE,
                            detailIfEnabled(tx, "USER_CANCELLED", CANCEL_MESSAGE))));
        }
        Persona persona = personas.find(personaId)
                .orElseThrow(() -> new RequestRejectedException("unknown-persona", "unknown persona " + personaId));
        AuthMethod method = chooseMethod(tx, persona, methodName);
        // An IdP that ignores the requested level is what relying parties must detect themselves.
        int level = fault == Fault.UNDERSTATED_LEVEL ? 1 : method.storkLevel(persona);
        if (fault != Fault.UNDERSTATED_LEVEL
                && tx.request().levelRequirement() != null
                && !tx.request().levelRequirement().accepts(level)) {
            String message = "Das Verfahren " + method.wireName() + " erreicht nur STORK-QAA-Level-" + level;
            return record(issuer.error(
                    tx,
                    new SamlStatus(
                            SamlStatus.RESPONDER,
                            SamlStatus.NO_AUTHN_CONTEXT,
                            message,
                            detailIfEnabled(tx, "IDP_AUTHN_CONTEXT_NOT_SATISFIED", message))));
        }
        AttributeRelease release = AttributeRelease.compute(tx.request().akdb(), persona, method, level);
        if (!release.missingRequired().isEmpty()) {
            String message = "Required attributes missing: " + String.join(", ", release.missingRequired());
            return record(issuer.error(
                    tx,
                    new SamlStatus(
                            SamlStatus.RESPONDER,
                            SamlStatus.REQUEST_DENIED,
                            message,
                            detailIfEnabled(tx, "IDP_REQUIRED_ATTRIBUTES_MISSING", message))));
        }
        return record(issuer.success(tx, level, release.attributes(), fault));
    }

    /** The login page always needs the user, so IsPassive requests fail at once. */
    public IssuedResponse noPassive(LoginTransaction tx) {
        transactions.take(tx.id());
        return record(issuer.error(
                tx,
                new SamlStatus(
                        SamlStatus.RESPONDER,
                        SamlStatus.NO_PASSIVE,
                        "Passive Anmeldung wird nicht unterstützt",
                        null)));
    }

    private static AuthMethod chooseMethod(LoginTransaction tx, Persona persona, String methodName) {
        if (methodName != null && !methodName.isEmpty()) {
            AuthMethod method = AuthMethod.fromWireName(methodName)
                    .orElseThrow(() -> new RequestRejectedException(
                            "unknown-method", "unknown authentication method " + methodName));
            if (!tx.offeredMethods().contains(method)) {
                throw new RequestRejectedException(
                        "method-not-allowed",
                        "authentication method " + methodName + " is not allowed for this request");
            }
            return method;
        }
        return AuthMethod.fromWireName(persona.defaultMethod())
                .filter(tx.offeredMethods()::contains)
                .orElse(tx.offeredMethods().get(0));
    }

    private static String detailIfEnabled(LoginTransaction tx, String code, String message) {
        AkdbRequest akdb = tx.request().akdb();
        return akdb != null && akdb.enableStatusDetail() ? SamlStatus.akdbDetail(code, message) : null;
    }

    private IssuedResponse record(IssuedResponse response) {
        responseLog.record(response);
        return response;
    }
}
