package dev.govid.keycloak.saml1;

import static dev.govid.keycloak.saml1.Saml1Xml.MANDATES_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.append;

import java.util.Base64;
import java.util.Optional;

import dev.govid.keycloak.saml.SecureXml;
import dev.govid.keycloak.saml1.AuthenticationData.MandateData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the mandate attributes' contents: the {@code md:Mandate} of the SAML1 {@code Mandate} attribute (the
 * mandate document as the mandate service delivered it, or, MOA-ID's default, only its base data: representative
 * and mandator), and the mandator alone as the value of {@code MandateData}.
 */
final class MandateElements {

    private MandateElements() {}

    static void mandate(Element attributeValue, AuthenticationData data, boolean fullMandateAllowed) {
        MandateData mandate = data.mandate();
        if (fullMandateAllowed) {
            Optional<Element> delivered = deliveredMandate(mandate.fullMandate());
            if (delivered.isPresent()) {
                attributeValue.appendChild(attributeValue.getOwnerDocument().importNode(delivered.get(), true));
                return;
            }
            // A mandate that does not decode to md:Mandate is not forwarded; the base data still describe it.
        }
        baseData(attributeValue, data, mandate);
    }

    /**
     * The value of the {@code MandateData} attribute (persondata namespace), where the handbook maps the
     * MANDATOR-NATURAL-PERSON-GIVEN-NAME/-FAMILY-NAME/-BIRTHDATE/-BPK and MANDATOR-LEGAL-PERSON-FULL-NAME/-SOURCE-PIN/
     * -SOURCE-PIN-TYPE attributes: the represented person in the person-data vocabulary, a {@code pr:PhysicalPerson}
     * (bPK with its type, name, date of birth) or a {@code pr:CorporateBody} (source PIN with its type, full name),
     * exactly as in {@code md:Mandate/md:Mandator}, so a client reads both the same way.
     */
    static void mandateData(Element attributeValue, AuthenticationData data) {
        mandator(attributeValue, data, data.mandate());
    }

    private static void baseData(Element attributeValue, AuthenticationData data, MandateData mandate) {
        Element element = append(attributeValue, MANDATES_NS, "md:Mandate");
        Element representative = append(element, MANDATES_NS, "md:Representative");
        PersonDataElements.physicalPerson(
                representative, data.bpk(), data.bpkType(), data.givenName(), data.familyName(), data.birthdate());
        mandator(append(element, MANDATES_NS, "md:Mandator"), data, mandate);
    }

    private static void mandator(Element parent, AuthenticationData data, MandateData mandate) {
        if (mandate.isLegalMandator()) {
            PersonDataElements.corporateBody(
                    parent, mandate.mandatorSourcePin(), mandate.mandatorSourcePinType(), mandate.mandatorLegalName());
        } else {
            String bpkType = mandate.mandatorBpkType() != null ? mandate.mandatorBpkType() : data.bpkType();
            PersonDataElements.physicalPerson(
                    parent,
                    mandate.mandatorBpk(),
                    bpkType,
                    mandate.mandatorGivenName(),
                    mandate.mandatorFamilyName(),
                    mandate.mandatorBirthdate());
        }
    }

    /** The delivered mandate's root element, parsed with the hardened parser; empty if absent or not md:Mandate. */
    private static Optional<Element> deliveredMandate(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.empty();
        }
        try {
            Document document = SecureXml.parseOrThrow(Base64.getMimeDecoder().decode(base64));
            Element root = document.getDocumentElement();
            return Saml1Xml.is(root, MANDATES_NS, "Mandate") ? Optional.of(root) : Optional.empty();
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}
