package dev.govid.simulator.xml;

/** Namespace URIs used on the wire. Elements are always matched by URI and local name, never by prefix. */
public final class SamlNamespaces {
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XS = "http://www.w3.org/2001/XMLSchema";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    public static final String AKDB = "https://www.akdb.de/request/2018/09";
    public static final String AKDB_CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";
    /** eIDAS SAML extensions; PVP SPs use its RequestedAttributes to ask for attributes (our convention). */
    public static final String EIDAS_EXTENSIONS = "http://eidas.europa.eu/saml-extensions";
    /** Austrian electronic mandates ({@code md:Mandate}). */
    public static final String AT_MANDATES = "http://reference.e-government.gv.at/namespace/mandates/20040701#";
    /** Austrian person data ({@code pr:PhysicalPerson}, {@code pr:CorporateBody}). */
    public static final String AT_PERSONDATA = "http://reference.e-government.gv.at/namespace/persondata/20020228#";

    public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public static final String NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    public static final String ATTRNAME_FORMAT_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    public static final String CONFIRMATION_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private SamlNamespaces() {}
}
