package dev.govid.simulator.pvp;

import java.util.Optional;
import java.util.OptionalInt;

import dev.govid.simulator.Fault;
import dev.govid.simulator.IssuedResponse;
import dev.govid.simulator.login.ResponseLog;
import dev.govid.simulator.login.TransactionStore;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.response.AssertionContent;
import dev.govid.simulator.response.ResponseIssuer;
import dev.govid.simulator.response.SamlStatus;

/** Turns the submitted PVP login form into the SAML Response for the SP. */
public final class PvpLoginCompleter {
    static final String CANCEL_MESSAGE = "Der Vorgang wurde vom Nutzer abgebrochen";

    private final TransactionStore<PvpTransaction> transactions;
    private final PvpPersonaCatalog personas;
    private final ResponseIssuer issuer;
    private final ResponseLog responseLog;

    private final java.util.function.Predicate<String> lenientSp;

    public PvpLoginCompleter(
            TransactionStore<PvpTransaction> transactions,
            PvpPersonaCatalog personas,
            ResponseIssuer issuer,
            ResponseLog responseLog) {
        this(transactions, personas, issuer, responseLog, sp -> false);
    }

    /** @param lenientSp SPs (stock SAML brokers) that get every attribute, mandate included, without asking */
    public PvpLoginCompleter(
            TransactionStore<PvpTransaction> transactions,
            PvpPersonaCatalog personas,
            ResponseIssuer issuer,
            ResponseLog responseLog,
            java.util.function.Predicate<String> lenientSp) {
        this.lenientSp = lenientSp;
        this.transactions = transactions;
        this.personas = personas;
        this.issuer = issuer;
        this.responseLog = responseLog;
    }

    /**
     * Requests the IdP must answer without showing the login page: IsPassive (the page always needs the user)
     * and NameID formats other than persistent/transient.
     */
    public Optional<IssuedResponse> answerWithoutLogin(PvpTransaction tx) {
        PvpRequest request = tx.request();
        SamlStatus status = null;
        if (!PvpNameId.isSupported(request.nameIdFormat())) {
            status = new SamlStatus(
                    SamlStatus.REQUESTER,
                    SamlStatus.INVALID_NAMEID_POLICY,
                    "NameID-Format " + request.nameIdFormat() + " wird nicht unterstützt",
                    null);
        } else if (request.isPassive()) {
            status = new SamlStatus(
                    SamlStatus.RESPONDER, SamlStatus.NO_PASSIVE, "Passive Anmeldung wird nicht unterstützt", null);
        }
        if (status == null) {
            return Optional.empty();
        }
        transactions.take(tx.id());
        return Optional.of(record(issuer.error(tx.target(), status)));
    }

    /** @throws RequestRejectedException for form input that cannot lead to any SAML Response */
    public IssuedResponse complete(String txId, String action, String personaId, String levelName, String faultName) {
        return complete(txId, action, personaId, levelName, faultName, null);
    }

    /** @param variantName a {@link PvpVariant} wire name; empty or null for the default answer */
    public IssuedResponse complete(
            String txId, String action, String personaId, String levelName, String faultName, String variantName) {
        PvpVariant variant = variantName == null || variantName.isEmpty()
                ? PvpVariant.NONE
                : PvpVariant.fromWireName(variantName)
                        .orElseThrow(() -> new RequestRejectedException(
                                "unknown-variant", "unknown answer variant " + variantName));
        Fault fault = faultName == null || faultName.isEmpty()
                ? Fault.NONE
                : Fault.fromWireName(faultName)
                        .orElseThrow(() ->
                                new RequestRejectedException("unknown-fault", "unknown test scenario " + faultName));
        if (!"login".equals(action) && !"cancel".equals(action) && action != null) {
            throw new RequestRejectedException("invalid-request", "unknown action " + action);
        }
        LoginLevel chosenLevel = levelName == null || levelName.isEmpty()
                ? LoginLevel.HIGH
                : LoginLevel.fromWireName(levelName)
                        .orElseThrow(() -> new RequestRejectedException(
                                "unknown-level", "unknown level of assurance " + levelName));
        PvpTransaction tx = transactions
                .take(txId)
                .orElseThrow(() ->
                        new RequestRejectedException("unknown-transaction", "login transaction unknown or expired"));
        if ("cancel".equals(action)) {
            return record(issuer.error(
                    tx.target(), new SamlStatus(SamlStatus.RESPONDER, SamlStatus.AUTHN_FAILED, CANCEL_MESSAGE, null)));
        }
        PvpPersona persona = personas.find(personaId)
                .orElseThrow(() -> new RequestRejectedException("unknown-persona", "unknown persona " + personaId));

        PvpRequest request = tx.request();
        LoaVocabulary vocabulary =
                request.levelRequirement() != null ? request.levelRequirement().vocabulary() : LoaVocabulary.EIDAS;
        int achieved = chosenLevel.cappedAt(persona.maxLevel()).storkLevel();
        OptionalInt answered = assertedLevel(request, vocabulary, achieved, fault);
        if (answered.isEmpty()) {
            String message = "Die Anmeldung erreicht nur " + vocabulary.classRef(achieved);
            return record(issuer.error(
                    tx.target(), new SamlStatus(SamlStatus.RESPONDER, SamlStatus.NO_AUTHN_CONTEXT, message, null)));
        }
        int level = answered.getAsInt();

        PvpAttributeRelease release = PvpAttributeRelease.compute(
                request, persona, level, tx.sector(), lenientSp.test(tx.sp().entityId()), variant);
        if (!release.missingRequired().isEmpty()) {
            String message = "Required attributes missing: " + String.join(", ", release.missingRequired());
            return record(issuer.error(
                    tx.target(), new SamlStatus(SamlStatus.RESPONDER, SamlStatus.REQUEST_DENIED, message, null)));
        }
        String nameIdFormat = PvpNameId.effectiveFormat(request.nameIdFormat());
        AssertionContent content = new AssertionContent(
                nameIdFormat,
                PvpNameId.value(nameIdFormat, persona.baseId(), tx.sp().entityId()),
                variant == PvpVariant.EIDAS_LEVEL_ATTRIBUTE_ONLY
                        ? PvpVariant.NON_LEVEL_CLASS_REF
                        : vocabulary.classRef(level),
                release.attributes(),
                null);
        return record(issuer.success(tx.target(), content, fault));
    }

    /**
     * The level to assert, or empty when the login falls short of the request. The understated-level fault
     * asserts the vocabulary's lowest level whatever was asked, which the relying party must refuse itself.
     */
    private static OptionalInt assertedLevel(PvpRequest request, LoaVocabulary vocabulary, int achieved, Fault fault) {
        if (fault == Fault.UNDERSTATED_LEVEL) {
            return OptionalInt.of(vocabulary.lowestLevel());
        }
        return request.levelRequirement() == null
                ? OptionalInt.of(achieved)
                : request.levelRequirement().answeredLevel(achieved);
    }

    private IssuedResponse record(IssuedResponse response) {
        responseLog.record(response);
        return response;
    }
}
