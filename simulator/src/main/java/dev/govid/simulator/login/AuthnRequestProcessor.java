package dev.govid.simulator.login;

import dev.govid.simulator.request.AuthMethod;
import dev.govid.simulator.request.AuthnRequestData;
import dev.govid.simulator.request.AuthnRequestReader;
import dev.govid.simulator.request.LevelRequirement;
import dev.govid.simulator.request.PostBindingSignatureVerifier;
import dev.govid.simulator.request.RedirectBindingMessage;
import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.request.SignatureCheck;
import dev.govid.simulator.sp.AssertionConsumerService;
import dev.govid.simulator.sp.SpMetadata;
import dev.govid.simulator.sp.SpRegistry;
import dev.govid.simulator.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Validates an incoming AuthnRequest the way BundID does and opens a login transaction for it. */
public final class AuthnRequestProcessor {
    private final SpRegistry registry;
    private final Predicate<String> isLenient;
    private final TransactionStore transactions;
    private final Consumer<String> log;

    public AuthnRequestProcessor(SpRegistry registry, Predicate<String> isLenient, TransactionStore transactions,
                                 Consumer<String> log) {
        this.registry = registry;
        this.isLenient = isLenient;
        this.transactions = transactions;
        this.log = log;
    }

    /**
     * @param redirect the redirect-binding message whose query signature applies, or null for POST binding
     */
    public LoginTransaction accept(byte[] xml, String relayState, RedirectBindingMessage redirect) {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.XmlParseException e) {
            throw new RequestRejectedException("invalid-request", "AuthnRequest is not acceptable XML: "
                    + e.getMessage());
        }
        Element root = AuthnRequestReader.authnRequestElement(doc);
        String issuer = AuthnRequestReader.issuer(root);

        // Keys and SPs change while the simulator runs, so one reload per request is allowed.
        boolean reloaded = false;
        Optional<SpMetadata> sp = registry.find(issuer);
        if (sp.isEmpty()) {
            registry.reload();
            reloaded = true;
            sp = registry.find(issuer);
        }
        if (sp.isEmpty()) {
            throw new RequestRejectedException("unknown-sp", "no metadata for SP " + issuer);
        }
        SignatureCheck check = verify(root, redirect, sp.get());
        if (check == SignatureCheck.INVALID && !reloaded) {
            registry.reload();
            sp = registry.find(issuer);
            check = sp.isPresent() ? verify(root, redirect, sp.get()) : SignatureCheck.INVALID;
        }
        if (check == SignatureCheck.MISSING) {
            throw new RequestRejectedException("saml-request-not-signed", "the AuthnRequest is not signed");
        }
        if (check == SignatureCheck.INVALID) {
            throw new RequestRejectedException("saml-request-signature-invalid",
                    "the AuthnRequest signature does not verify with the SP's metadata keys");
        }

        boolean lenient = isLenient.test(issuer);
        AuthnRequestData request = AuthnRequestReader.read(root, lenient);
        String acs = resolveAcs(request, sp.get());
        List<AuthMethod> offered = offeredMethods(request);
        if (offered.isEmpty()) {
            throw new RequestRejectedException("no-authentication-method-available",
                    "no enabled authentication method satisfies the RequestedAuthnContext");
        }
        LoginTransaction tx = new LoginTransaction(TransactionStore.newId(), request, sp.get(), acs, relayState,
                lenient, offered, transactions.now());
        transactions.put(tx);
        return tx;
    }

    private static SignatureCheck verify(Element root, RedirectBindingMessage redirect, SpMetadata sp) {
        return redirect != null
                ? redirect.verify(sp.signingCertificates())
                : PostBindingSignatureVerifier.verify(root, sp.signingCertificates());
    }

    /** The request is signed, so its ACS URL is trusted even if the metadata lists another host name. */
    private String resolveAcs(AuthnRequestData request, SpMetadata sp) {
        if (request.assertionConsumerServiceUrl() != null) {
            String url = request.assertionConsumerServiceUrl();
            if (!sp.assertionConsumerServices().isEmpty() && !sp.knowsAcsLocation(url)) {
                log.accept("warning: ACS URL " + url + " is not in the metadata of " + sp.entityId());
            }
            return url;
        }
        Optional<AssertionConsumerService> acs = request.assertionConsumerServiceIndex() != null
                ? sp.acsByIndex(request.assertionConsumerServiceIndex())
                : sp.defaultPostAcs();
        return acs.map(AssertionConsumerService::location).orElseThrow(() ->
                new RequestRejectedException("invalid-request", "no AssertionConsumerService for " + sp.entityId()));
    }

    static List<AuthMethod> offeredMethods(AuthnRequestData request) {
        Set<AuthMethod> disabled = request.akdb() == null ? Set.of() : request.akdb().disabledMethods();
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
