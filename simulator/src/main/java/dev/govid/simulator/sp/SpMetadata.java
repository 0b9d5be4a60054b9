package dev.govid.simulator.sp;

import dev.govid.simulator.xml.SamlNamespaces;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** What the simulator needs to know about one relying party. */
public record SpMetadata(
        String entityId,
        List<X509Certificate> signingCertificates,
        List<X509Certificate> encryptionCertificates,
        List<AssertionConsumerService> assertionConsumerServices) {

    public SpMetadata {
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
    }

    /** The default POST ACS (isDefault, then lowest index, then document order). */
    public Optional<AssertionConsumerService> defaultPostAcs() {
        List<AssertionConsumerService> post = assertionConsumerServices.stream()
                .filter(a -> SamlNamespaces.BINDING_POST.equals(a.binding())).toList();
        return post.stream().filter(AssertionConsumerService::isDefault).findFirst()
                .or(() -> post.stream().filter(a -> a.index() != null)
                        .min((a, b) -> Integer.compare(a.index(), b.index())))
                .or(() -> post.stream().findFirst());
    }

    public Optional<AssertionConsumerService> acsByIndex(int index) {
        return assertionConsumerServices.stream().filter(a -> a.index() != null && a.index() == index).findFirst();
    }

    public boolean knowsAcsLocation(String location) {
        return assertionConsumerServices.stream().anyMatch(a -> a.location().equals(location));
    }
}
