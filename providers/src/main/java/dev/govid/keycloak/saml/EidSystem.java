package dev.govid.keycloak.saml;

/**
 * The eID system a provider talks to, as the person knows it: pages name it ("BundID is not reachable right
 * now"), so the person knows which system the message is about.
 */
public record EidSystem(String displayName) {

    public static final EidSystem BUNDID = new EidSystem("BundID");
    public static final EidSystem ID_AUSTRIA = new EidSystem("ID Austria");
}
