package dev.govid.keycloak.bundid;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The login methods BundID offers; the names are the element names of {@code akdb:AuthnMethods}. */
public enum AuthnMethod {
    AUTHEGA("Authega"),
    BENUTZERNAME("Benutzername"),
    EID("eID"),
    EIDAS("eIDAS"),
    DIIA("Diia"),
    ELSTER("Elster"),
    FINK("FINK");

    private final String elementName;

    AuthnMethod(String elementName) {
        this.elementName = elementName;
    }

    public String elementName() {
        return elementName;
    }

    public static Optional<AuthnMethod> lookup(String name) {
        return Arrays.stream(values())
                .filter(m -> m.elementName.equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst();
    }

    public static List<String> elementNames() {
        return Arrays.stream(values()).map(AuthnMethod::elementName).collect(Collectors.toList());
    }
}
