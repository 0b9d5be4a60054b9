package dev.govid.simulator.pvp;

import static dev.govid.simulator.xml.SamlNamespaces.AT_MANDATES;
import static dev.govid.simulator.xml.SamlNamespaces.AT_PERSONDATA;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.govid.simulator.xml.Dom;
import dev.govid.simulator.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the small {@code md:Mandate} document released as MANDATE-FULL-MANDATE: representative, mandator,
 * mandate type and validity. PVP has no attribute for the validity, so this document is where it travels.
 *
 * <pre>{@code
 * <md:Mandate xmlns:md="…/mandates/20040701#" xmlns:pr="…/persondata/20020228#" MandateID="MVR-…">
 *   <md:Annotation>GeneralvollmachtBilateral</md:Annotation>
 *   <md:Representative><pr:PhysicalPerson>…</pr:PhysicalPerson></md:Representative>
 *   <md:Mandator><pr:PhysicalPerson>…</pr:PhysicalPerson> | <pr:CorporateBody>…</pr:CorporateBody></md:Mandator>
 *   <md:Properties>
 *     <md:MandateType Oid="…">GeneralvollmachtBilateral</md:MandateType>
 *     [<md:ProfessionalRepresentative Oid="1.2.40.0.10.3.1">Rechtsanwalt</md:ProfessionalRepresentative>]
 *     <md:Constraints><md:TimeConstraint><md:ValidFrom>2026-01-01</md:ValidFrom>
 *       <md:ValidTo>2027-12-31</md:ValidTo></md:TimeConstraint></md:Constraints>
 *   </md:Properties>
 * </md:Mandate>
 * }</pre>
 */
final class MandateDocument {
    private MandateDocument() {}

    /** @return the document serialised without XML declaration, base64-encoded (UTF-8) */
    static String base64(PvpPersona representative, PvpMandate mandate, Sector sector) {
        String xml = SecureXml.serialize(build(representative, mandate, sector).getDocumentElement());
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Document build(PvpPersona representative, PvpMandate mandate, Sector sector) {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS(AT_MANDATES, "md:Mandate");
        doc.appendChild(root);
        Dom.declareNamespace(root, "md", AT_MANDATES);
        Dom.declareNamespace(root, "pr", AT_PERSONDATA);
        root.setAttributeNS(null, "MandateID", mandate.referenceValue());
        Dom.appendText(root, AT_MANDATES, "md:Annotation", mandate.type());

        Element rep = Dom.append(root, AT_MANDATES, "md:Representative");
        appendPhysicalPerson(
                rep,
                representative.givenName(),
                representative.familyName(),
                representative.birthDate(),
                sector.bpkValue(representative.baseId()),
                sector.identifierUrn());

        Element mandator = Dom.append(root, AT_MANDATES, "md:Mandator");
        if (mandate.mandator() instanceof PvpMandate.NaturalMandator natural) {
            appendPhysicalPerson(
                    mandator,
                    natural.givenName(),
                    natural.familyName(),
                    natural.birthDate().toString(),
                    sector.bpkValue(natural.baseId()),
                    sector.identifierUrn());
        } else if (mandate.mandator() instanceof PvpMandate.LegalMandator legal) {
            Element body = Dom.append(mandator, AT_PERSONDATA, "pr:CorporateBody");
            appendIdentification(body, legal.sourcePin(), legal.sourcePinType());
            Dom.appendText(body, AT_PERSONDATA, "pr:FullName", legal.fullName());
        }

        Element properties = Dom.append(root, AT_MANDATES, "md:Properties");
        Dom.appendText(properties, AT_MANDATES, "md:MandateType", mandate.type())
                .setAttributeNS(null, "Oid", mandate.typeOid());
        if (mandate.professionalRepresentative() != null) {
            Dom.appendText(
                            properties,
                            AT_MANDATES,
                            "md:ProfessionalRepresentative",
                            mandate.professionalRepresentative().description())
                    .setAttributeNS(
                            null, "Oid", mandate.professionalRepresentative().oid());
        }
        Element time =
                Dom.append(Dom.append(properties, AT_MANDATES, "md:Constraints"), AT_MANDATES, "md:TimeConstraint");
        Dom.appendText(time, AT_MANDATES, "md:ValidFrom", mandate.validFrom().toString());
        Dom.appendText(time, AT_MANDATES, "md:ValidTo", mandate.validTo().toString());
        return doc;
    }

    private static void appendPhysicalPerson(
            Element parent, String given, String family, String birthDate, String bpk, String bpkType) {
        Element person = Dom.append(parent, AT_PERSONDATA, "pr:PhysicalPerson");
        appendIdentification(person, bpk, bpkType);
        Element name = Dom.append(person, AT_PERSONDATA, "pr:Name");
        Dom.appendText(name, AT_PERSONDATA, "pr:GivenName", given);
        Dom.appendText(name, AT_PERSONDATA, "pr:FamilyName", family);
        Dom.appendText(person, AT_PERSONDATA, "pr:DateOfBirth", birthDate);
    }

    private static void appendIdentification(Element parent, String value, String type) {
        Element id = Dom.append(parent, AT_PERSONDATA, "pr:Identification");
        Dom.appendText(id, AT_PERSONDATA, "pr:Value", value);
        Dom.appendText(id, AT_PERSONDATA, "pr:Type", type);
    }
}
