package dev.govid.keycloak.saml1;

import static dev.govid.keycloak.saml1.Saml1Xml.SOAP11_ENV_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.append;
import static dev.govid.keycloak.saml1.Saml1Xml.appendUnqualified;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 faults for GetAuthenticationData calls that are not a readable {@code samlp:Request} (sent with
 * HTTP 500 as SOAP 1.1 requires). {@code faultcode} and {@code faultstring} are unqualified, per SOAP 1.1.
 */
public final class SoapFaultBuilder {

    /** SOAP 1.1 fault codes we use: the caller's message was wrong, or we failed. */
    public enum FaultCode {
        CLIENT("Client"),
        SERVER("Server");

        private final String localName;

        FaultCode(String localName) {
            this.localName = localName;
        }

        public String qualifiedValue() {
            return Saml1Xml.SOAP_PREFIX + ":" + localName;
        }
    }

    private SoapFaultBuilder() {}

    public static Document fault(FaultCode code, String faultString) {
        Document document = Saml1Xml.newDocument();
        Element envelope = append(document, SOAP11_ENV_NS, "soapenv:Envelope");
        Element body = append(envelope, SOAP11_ENV_NS, "soapenv:Body");
        Element fault = append(body, SOAP11_ENV_NS, "soapenv:Fault");
        appendUnqualified(fault, "faultcode", code.qualifiedValue());
        appendUnqualified(fault, "faultstring", faultString == null ? "" : faultString);
        return document;
    }

    /** The fault for a request the parser refused; its text names the problem but never echoes input. */
    public static Document fault(MalformedSoapRequestException problem) {
        return fault(FaultCode.CLIENT, problem.getMessage());
    }
}
