package dev.govid.simulator.login;

import java.util.Optional;
import java.util.function.Consumer;

import dev.govid.simulator.request.RequestRejectedException;
import dev.govid.simulator.sp.AssertionConsumerService;
import dev.govid.simulator.sp.SpMetadata;

/** Picks the ACS a response goes to: the request's URL, else its index, else the metadata's default POST ACS. */
public final class AcsResolver {
    private AcsResolver() {}

    /** The request is signed, so its ACS URL is trusted even if the metadata lists another host name. */
    public static String resolve(String requestedUrl, Integer requestedIndex, SpMetadata sp, Consumer<String> log) {
        if (requestedUrl != null) {
            if (!sp.assertionConsumerServices().isEmpty() && !sp.knowsAcsLocation(requestedUrl)) {
                log.accept("warning: ACS URL " + requestedUrl + " is not in the metadata of " + sp.entityId());
            }
            return requestedUrl;
        }
        Optional<AssertionConsumerService> acs =
                requestedIndex != null ? sp.acsByIndex(requestedIndex) : sp.defaultPostAcs();
        return acs.map(AssertionConsumerService::location)
                .orElseThrow(() -> new RequestRejectedException(
                        "invalid-request", "no AssertionConsumerService for " + sp.entityId()));
    }
}
