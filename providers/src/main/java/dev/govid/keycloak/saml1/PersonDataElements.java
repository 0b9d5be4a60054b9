package dev.govid.keycloak.saml1;

import static dev.govid.keycloak.saml1.Saml1Xml.PERSONDATA_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.XSI_NS;
import static dev.govid.keycloak.saml1.Saml1Xml.append;
import static dev.govid.keycloak.saml1.Saml1Xml.appendText;

import org.w3c.dom.Element;

/**
 * Writes persons in the Austrian person-data vocabulary ({@code pr:}, persondata 2002-02-28): the
 * {@code pr:Person} MOA-ID put into the {@code PersonData} attribute, and the {@code pr:PhysicalPerson} /
 * {@code pr:CorporateBody} that name representative and mandator inside {@code md:Mandate}.
 */
final class PersonDataElements {

    /** Identification type of a Stammzahl (base ID). */
    static final String BASE_ID_TYPE = "urn:publicid:gv.at:baseid";

    private PersonDataElements() {}

    /**
     * {@code pr:Person xsi:type="pr:PhysicalPersonType"} as MOA-ID put it into {@code PersonData}: one
     * {@code pr:Identification} of type base ID whose {@code pr:Value} is the Stammzahl when the application may
     * receive it and empty otherwise (the handbook's rule; the bPK travels in {@code saml:NameIdentifier}), then
     * name and date of birth in schema order.
     *
     * @param baseId the Stammzahl, or null when it is not transmitted
     */
    static Element person(Element parent, String baseId, String givenName, String familyName, String birthdate) {
        Element person = append(parent, PERSONDATA_NS, "pr:Person");
        // xsi:type names a pr: type in its value, so both prefixes must be declared on this element itself.
        Saml1Xml.declare(person, Saml1Xml.XSI_PREFIX, XSI_NS);
        person.setAttributeNS(XSI_NS, "xsi:type", "pr:PhysicalPersonType");
        Element identification = append(person, PERSONDATA_NS, "pr:Identification");
        appendText(identification, PERSONDATA_NS, "pr:Value", baseId == null ? "" : baseId);
        appendText(identification, PERSONDATA_NS, "pr:Type", BASE_ID_TYPE);
        nameAndBirthdate(person, givenName, familyName, birthdate);
        return person;
    }

    static Element physicalPerson(
            Element parent,
            String identifier,
            String identifierType,
            String givenName,
            String familyName,
            String birthdate) {
        Element person = append(parent, PERSONDATA_NS, "pr:PhysicalPerson");
        identification(person, identifier, identifierType);
        nameAndBirthdate(person, givenName, familyName, birthdate);
        return person;
    }

    static Element corporateBody(Element parent, String sourcePin, String sourcePinType, String fullName) {
        Element body = append(parent, PERSONDATA_NS, "pr:CorporateBody");
        identification(body, sourcePin, sourcePinType);
        if (fullName != null) {
            appendText(body, PERSONDATA_NS, "pr:FullName", fullName);
        }
        return body;
    }

    private static void nameAndBirthdate(Element person, String givenName, String familyName, String birthdate) {
        Element name = append(person, PERSONDATA_NS, "pr:Name");
        if (givenName != null) {
            appendText(name, PERSONDATA_NS, "pr:GivenName", givenName);
        }
        if (familyName != null) {
            appendText(name, PERSONDATA_NS, "pr:FamilyName", familyName);
        }
        if (birthdate != null) {
            appendText(person, PERSONDATA_NS, "pr:DateOfBirth", birthdate);
        }
    }

    private static void identification(Element parent, String value, String type) {
        if (value == null) {
            return;
        }
        Element identification = append(parent, PERSONDATA_NS, "pr:Identification");
        appendText(identification, PERSONDATA_NS, "pr:Value", value);
        if (type != null) {
            appendText(identification, PERSONDATA_NS, "pr:Type", type);
        }
    }
}
