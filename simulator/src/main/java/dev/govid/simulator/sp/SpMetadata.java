package dev.govid.simulator.sp;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.govid.simulator.xml.SamlNamespaces;

/**
 * What the simulator needs to know about one relying party.
 *
 * @param attributeSets the md:AttributeConsumingService entries: index → the attribute names it lists, each with
 *                      whether it is required (as ID Austria reads the attribute set an AuthnRequest's
 *                      AttributeConsumingServiceIndex names)
 */
public record SpMetadata(
        String entityId,
        List<X509Certificate> signingCertificates,
        List<X509Certificate> encryptionCertificates,
        List<AssertionConsumerService> assertionConsumerServices,
        Map<Integer, Map<String, Boolean>> attributeSets) {

    public SpMetadata {
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
        attributeSets = Map.copyOf(attributeSets);
    }

    public SpMetadata(
            String entityId,
            List<X509Certificate> signingCertificates,
            List<X509Certificate> encryptionCertificates,
            List<AssertionConsumerService> assertionConsumerServices) {
        this(entityId, signingCertificates, encryptionCertificates, assertionConsumerServices, Map.of());
    }

    public Optional<Map<String, Boolean>> attributeSet(int index) {
        return Optional.ofNullable(attributeSets.get(index));
    }

    /** The default POST ACS (isDefault, then lowest index, then document order). */
    public Optional<AssertionConsumerService> defaultPostAcs() {
        List<AssertionConsumerService> post = assertionConsumerServices.stream()
                .filter(a -> SamlNamespaces.BINDING_POST.equals(a.binding()))
                .toList();
        return post.stream()
                .filter(AssertionConsumerService::isDefault)
                .findFirst()
                .or(() -> post.stream()
                        .filter(a -> a.index() != null)
                        .min((a, b) -> Integer.compare(a.index(), b.index())))
                .or(() -> post.stream().findFirst());
    }

    public Optional<AssertionConsumerService> acsByIndex(int index) {
        return assertionConsumerServices.stream()
                .filter(a -> a.index() != null && a.index() == index)
                .findFirst();
    }

    public boolean knowsAcsLocation(String location) {
        return assertionConsumerServices.stream().anyMatch(a -> a.location().equals(location));
    }
}
