package dev.govid.simulator.pvp;

import java.util.function.Consumer;
import java.util.function.Function;

import dev.govid.simulator.login.AcsResolver;
import dev.govid.simulator.login.SignedRequestVerifier;
import dev.govid.simulator.login.TransactionStore;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.sp.SpMetadata;

/** Accepts a signed PVP AuthnRequest and opens a PVP login transaction for it. */
public final class PvpRequestProcessor {
    private final SignedRequestVerifier verifier;
    private final Function<String, Sector> sectorOfSp;
    private final TransactionStore<PvpTransaction> transactions;
    private final Consumer<String> log;

    public PvpRequestProcessor(
            SignedRequestVerifier verifier,
            Function<String, Sector> sectorOfSp,
            TransactionStore<PvpTransaction> transactions,
            Consumer<String> log) {
        this.verifier = verifier;
        this.sectorOfSp = sectorOfSp;
        this.transactions = transactions;
        this.log = log;
    }

    /**
     * @param redirect the redirect-binding message whose query signature applies, or null for POST binding
     */
    public PvpTransaction accept(byte[] xml, String relayState, RedirectBindingMessage redirect) {
        SignedRequestVerifier.VerifiedRequest verified = verifier.verify(xml, redirect);
        SpMetadata sp = verified.sp();
        PvpRequest request = PvpRequestReader.read(verified.authnRequest(), sp);
        String acs = AcsResolver.resolve(
                request.assertionConsumerServiceUrl(), request.assertionConsumerServiceIndex(), sp, log);
        PvpTransaction tx = new PvpTransaction(
                TransactionStore.newId(),
                request,
                sp,
                acs,
                relayState,
                sectorOfSp.apply(sp.entityId()),
                transactions.now());
        transactions.put(tx);
        return tx;
    }
}
