package dev.govid.keycloak.saml;

/**
 * The eID system a provider talks to, as the person knows it: pages name it ("BundID is not reachable right
 * now"), so the person knows which system the message is about.
 */
public record EidSystemName(String displayName) {

    public static final EidSystemName BUNDID = new EidSystemName("BundID");
    public static final EidSystemName ID_AUSTRIA = new EidSystemName("ID Austria");
    public static final EidSystemName DIGID = new EidSystemName("DigiD");
}
