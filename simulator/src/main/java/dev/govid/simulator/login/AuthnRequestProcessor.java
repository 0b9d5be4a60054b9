package dev.govid.simulator.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.govid.simulator.request.AuthMethod;
import dev.govid.simulator.request.AuthnRequestData;
import dev.govid.simulator.request.AuthnRequestReader;
import dev.govid.simulator.request.LevelRequirement;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.sp.SpMetadata;
import dev.govid.simulator.sp.SpRegistry;

/** Validates an incoming AuthnRequest the way BundID does and opens a login transaction for it. */
public final class AuthnRequestProcessor {
    private final SignedRequestVerifier verifier;
    private final Predicate<String> isLenient;
    private final TransactionStore<LoginTransaction> transactions;
    private final Consumer<String> log;

    public AuthnRequestProcessor(
            SpRegistry registry,
            Predicate<String> isLenient,
            TransactionStore<LoginTransaction> transactions,
            Consumer<String> log) {
        this.verifier = new SignedRequestVerifier(registry);
        this.isLenient = isLenient;
        this.transactions = transactions;
        this.log = log;
    }

    /**
     * @param redirect the redirect-binding message whose query signature applies, or null for POST binding
     */
    public LoginTransaction accept(byte[] xml, String relayState, RedirectBindingMessage redirect) {
        SignedRequestVerifier.VerifiedRequest verified = verifier.verify(xml, redirect);
        SpMetadata sp = verified.sp();
        boolean lenient = isLenient.test(sp.entityId());
        AuthnRequestData request = AuthnRequestReader.read(verified.authnRequest(), lenient);
        String acs = AcsResolver.resolve(
                request.assertionConsumerServiceUrl(), request.assertionConsumerServiceIndex(), sp, log);
        List<AuthMethod> offered = offeredMethods(request);
        if (offered.isEmpty()) {
            throw new RequestRejectedException(
                    "no-authentication-method-available",
                    "no enabled authentication method satisfies the RequestedAuthnContext");
        }
        LoginTransaction tx = new LoginTransaction(
                TransactionStore.newId(), request, sp, acs, relayState, lenient, offered, transactions.now());
        transactions.put(tx);
        return tx;
    }

    static List<AuthMethod> offeredMethods(AuthnRequestData request) {
        Set<AuthMethod> disabled =
                request.akdb() == null ? Set.of() : request.akdb().disabledMethods();
        LevelRequirement requirement = request.levelRequirement();
        List<AuthMethod> offered = new ArrayList<>();
        for (AuthMethod method : AuthMethod.values()) {
            if (disabled.contains(method)) {
                continue;
            }
            if (requirement == null || canSatisfy(method, requirement)) {
                offered.add(method);
            }
        }
        return offered;
    }

    /** eIDAS may end up at level 2, 3 or 4 depending on the persona's country scheme. */
    private static boolean canSatisfy(AuthMethod method, LevelRequirement requirement) {
        if (method == AuthMethod.EIDAS) {
            return requirement.accepts(2) || requirement.accepts(3) || requirement.accepts(4);
        }
        return requirement.accepts(method.nominalStorkLevel());
    }
}
