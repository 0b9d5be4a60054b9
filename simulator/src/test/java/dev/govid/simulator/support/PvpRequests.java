package dev.govid.simulator.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * AuthnRequests as a PVP2 / ID Austria relying party sends them: no akdb extension, persistent NameID policy,
 * optional {@code eidas:RequestedAttributes}, RequestedAuthnContext in any of the three vocabularies. Unusual
 * prefixes on purpose; sign them with {@link AuthnRequests#signEnveloped}.
 */
public final class PvpRequests {
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    public static final String PVP_VERSION = "urn:oid:1.2.40.0.10.2.1.1.261.10";
    public static final String SECCLASS = "urn:oid:1.2.40.0.10.2.1.1.261.110";
    public static final String QAA_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";
    public static final String EIDAS_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.108";
    public static final String BPK = "urn:oid:1.2.40.0.10.2.1.1.149";
    public static final String SECTOR_FOR_IDENTIFIER = "urn:oid:1.2.40.0.10.2.1.1.261.34";
    public static final String GIVEN_NAME = "urn:oid:2.5.4.42";
    public static final String PRINCIPAL_NAME = "urn:oid:1.2.40.0.10.2.1.1.261.20";
    public static final String BIRTHDATE = "urn:oid:1.2.40.0.10.2.1.1.55";
    public static final String MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    public static final String ISSUING_NATION = "urn:oid:1.2.40.0.10.2.1.1.261.32";
    public static final String CCS_URL = "urn:oid:1.2.40.0.10.2.1.1.261.64";
    public static final String IDENTITY_STATUS_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.109";
    public static final String MANDATE_TYPE = "urn:oid:1.2.40.0.10.2.1.1.261.68";
    public static final String MANDATE_TYPE_OID = "urn:oid:1.2.40.0.10.2.1.1.261.106";
    public static final String MANDATE_REFERENCE_VALUE = "urn:oid:1.2.40.0.10.2.1.1.261.90";
    public static final String MANDATE_FULL_MANDATE = "urn:oid:1.2.40.0.10.2.1.1.261.92";
    public static final String MANDATOR_GIVEN_NAME = "urn:oid:1.2.40.0.10.2.1.1.261.78";
    public static final String MANDATOR_FAMILY_NAME = "urn:oid:1.2.40.0.10.2.1.1.261.80";
    public static final String MANDATOR_BIRTHDATE = "urn:oid:1.2.40.0.10.2.1.1.261.82";
    public static final String MANDATOR_BPK = "urn:oid:1.2.40.0.10.2.1.1.261.98";
    public static final String MANDATOR_LEGAL_FULL_NAME = "urn:oid:1.2.40.0.10.2.1.1.261.84";
    public static final String MANDATOR_LEGAL_SOURCE_PIN = "urn:oid:1.2.40.0.10.2.1.1.261.100";
    public static final String MANDATOR_LEGAL_SOURCE_PIN_TYPE = "urn:oid:1.2.40.0.10.2.1.1.261.76";
    public static final String PROF_REP_OID = "urn:oid:1.2.40.0.10.2.1.1.261.86";
    public static final String PROF_REP_DESCRIPTION = "urn:oid:1.2.40.0.10.2.1.1.261.88";

    public static final String SECCLASS_URI = "http://www.ref.gv.at/ns/names/agiz/pvp/secclass/";
    public static final String EIDAS_URI = "http://eidas.europa.eu/LoA/";

    private PvpRequests() {}

    public static String requested(String name, boolean required) {
        return "<eid:RequestedAttribute Name=\"" + name + "\" "
                + "NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:uri\" isRequired=\"" + required + "\"/>";
    }

    /** {@code samlp:Extensions} with an {@code eidas:RequestedAttributes} list of the given entries. */
    public static String requestedAttributes(String... entries) {
        return "<p:Extensions><eid:RequestedAttributes xmlns:eid=\"http://eidas.europa.eu/saml-extensions\">"
                + String.join("", entries) + "</eid:RequestedAttributes></p:Extensions>";
    }

    /** Typical ID Austria SP request for a person acting possibly for someone else. */
    public static String withMandate() {
        return requestedAttributes(
                requested(BPK, true),
                requested(GIVEN_NAME, true),
                requested(PRINCIPAL_NAME, true),
                requested(BIRTHDATE, false),
                requested(MANDATE_TYPE, false),
                requested(MANDATE_TYPE_OID, false),
                requested(MANDATE_REFERENCE_VALUE, false),
                requested(MANDATE_FULL_MANDATE, false),
                requested(MANDATOR_GIVEN_NAME, false),
                requested(MANDATOR_FAMILY_NAME, false),
                requested(MANDATOR_BIRTHDATE, false),
                requested(MANDATOR_BPK, false),
                requested(MANDATOR_LEGAL_FULL_NAME, false),
                requested(MANDATOR_LEGAL_SOURCE_PIN, false),
                requested(MANDATOR_LEGAL_SOURCE_PIN_TYPE, false),
                requested(PROF_REP_OID, false),
                requested(PROF_REP_DESCRIPTION, false));
    }

    public static String authnContext(String comparison, String... classRefs) {
        return "<p:RequestedAuthnContext Comparison=\"" + comparison + "\">"
                + Arrays.stream(classRefs)
                        .map(r -> "<a:AuthnContextClassRef>" + r + "</a:AuthnContextClassRef>")
                        .collect(Collectors.joining())
                + "</p:RequestedAuthnContext>";
    }

    /** An unsigned PVP AuthnRequest; {@code extensions}, {@code authnContext} may be empty, format null. */
    public static String xml(
            String id,
            String issuer,
            String destination,
            String extensions,
            String authnContext,
            String nameIdFormat,
            boolean forceAuthn) {
        return "<p:AuthnRequest xmlns:p=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:a=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + Instant.now() + "\" Destination=\"" + destination + "\" "
                + (forceAuthn ? "ForceAuthn=\"true\" " : "")
                + "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "AssertionConsumerServiceURL=\"" + TestServiceProvider.ACS_URL + "\">"
                + "<a:Issuer>" + issuer + "</a:Issuer>" + extensions
                + (nameIdFormat == null ? "" : "<p:NameIDPolicy Format=\"" + nameIdFormat + "\" AllowCreate=\"true\"/>")
                + authnContext + "</p:AuthnRequest>";
    }

    public static String xml(String id, String issuer, String destination, String extensions, String authnContext) {
        return xml(id, issuer, destination, extensions, authnContext, PERSISTENT, false);
    }
}
