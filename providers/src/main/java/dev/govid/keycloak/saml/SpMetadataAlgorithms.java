package dev.govid.keycloak.saml;

import java.util.List;

import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyTypes;
import org.keycloak.dom.saml.v2.metadata.SPSSODescriptorType;
import org.keycloak.dom.xmlsec.w3.xmlenc.EncryptionMethodType;

/**
 * Tells the IdP in the SP metadata which encryption algorithms the profile accepts: {@code md:EncryptionMethod}
 * elements under each encryption {@code KeyDescriptor}, content encryption first, then key transport.
 * Keycloak writes at most its own key-transport default there; the profile's allow-list replaces it, so the
 * metadata never promises what {@link InboundResponseInspector} would refuse.
 */
public final class SpMetadataAlgorithms {

    private SpMetadataAlgorithms() {}

    public static void advertise(EntityDescriptorType descriptor, AlgorithmPolicy policy) {
        for (EntityDescriptorType.EDTChoiceType choice : descriptor.getChoiceType()) {
            for (EntityDescriptorType.EDTDescriptorChoiceType role : choice.getDescriptors()) {
                SPSSODescriptorType sp = role.getSpDescriptor();
                if (sp == null) {
                    continue;
                }
                for (KeyDescriptorType key : sp.getKeyDescriptor()) {
                    if (key.getUse() == KeyTypes.ENCRYPTION) {
                        List.copyOf(key.getEncryptionMethod()).forEach(key::removeEncryptionMethod);
                        policy.contentEncryption()
                                .forEach(uri -> key.addEncryptionMethod(new EncryptionMethodType(uri)));
                        policy.keyTransport().forEach(uri -> key.addEncryptionMethod(new EncryptionMethodType(uri)));
                    }
                }
            }
        }
    }
}
