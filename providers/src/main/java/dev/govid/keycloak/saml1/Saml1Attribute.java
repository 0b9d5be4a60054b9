package dev.govid.keycloak.saml1;

import java.util.Objects;

/**
 * One extra {@code saml:Attribute} with a single text value, added by protocol mappers after the attributes
 * MOA-ID always sent.
 */
public record Saml1Attribute(String name, String namespace, String value) {

    public Saml1Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(value, "value");
    }
}
