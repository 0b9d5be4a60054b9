package dev.govid.keycloak.pvp;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import dev.govid.keycloak.saml.ReceivedAssertion;
import dev.govid.keycloak.saml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the source-independent {@link Mandate} from the PVP mandate attributes. The validity period is
 * read from the full mandate document ({@code md:Mandate}), which is the only place PVP carries it.
 */
final class PvpMandateReader {

    static final String SOURCE = "AT-PVP";
    static final String MANDATES_NS = "http://reference.e-government.gv.at/namespace/mandates/20040701#";

    private PvpMandateReader() {}

    static Optional<Mandate> read(ReceivedAssertion assertion) {
        Optional<String> type = value(assertion, PvpAttribute.MANDATE_TYPE);
        Optional<String> typeOid = value(assertion, PvpAttribute.MANDATE_TYPE_OID);
        Optional<String> profRepOid = value(assertion, PvpAttribute.MANDATE_PROF_REP_OID);
        Optional<String> legalName = value(assertion, PvpAttribute.MANDATOR_LEGAL_PERSON_FULL_NAME);
        Optional<String> naturalFamily = value(assertion, PvpAttribute.MANDATOR_NATURAL_PERSON_FAMILY_NAME);
        if (type.isEmpty()
                && typeOid.isEmpty()
                && profRepOid.isEmpty()
                && legalName.isEmpty()
                && naturalFamily.isEmpty()) {
            return Optional.empty();
        }
        Mandate.Mandator mandator = legalName.isPresent()
                ? new Mandate.Mandator(
                        MandatorKind.LEGAL,
                        null,
                        null,
                        null,
                        legalName.get(),
                        value(assertion, PvpAttribute.MANDATOR_LEGAL_PERSON_SOURCE_PIN)
                                .orElse(null),
                        value(assertion, PvpAttribute.MANDATOR_LEGAL_PERSON_SOURCE_PIN_TYPE)
                                .orElse(null))
                : naturalMandator(assertion);
        Optional<String> full = value(assertion, PvpAttribute.MANDATE_FULL_MANDATE);
        Optional<Document> document = full.flatMap(PvpMandateReader::parseMandateDocument);
        return Optional.of(new Mandate(
                SOURCE,
                mandator,
                type.orElse(null),
                typeOid.orElse(null),
                value(assertion, PvpAttribute.MANDATE_REFERENCE_VALUE).orElse(null),
                profRepOid
                        .map(oid -> new Mandate.ProfessionalRepresentative(
                                oid,
                                value(assertion, PvpAttribute.MANDATE_PROF_REP_DESCRIPTION)
                                        .orElse(null)))
                        .orElse(null),
                document.flatMap(d -> date(d, "ValidFrom")).orElse(null),
                document.flatMap(d -> date(d, "ValidTo")).orElse(null),
                full.orElse(null)));
    }

    private static Mandate.Mandator naturalMandator(ReceivedAssertion assertion) {
        Optional<String> bpk = value(assertion, PvpAttribute.MANDATOR_NATURAL_PERSON_BPK);
        return new Mandate.Mandator(
                MandatorKind.NATURAL,
                value(assertion, PvpAttribute.MANDATOR_NATURAL_PERSON_GIVEN_NAME)
                        .orElse(null),
                value(assertion, PvpAttribute.MANDATOR_NATURAL_PERSON_FAMILY_NAME)
                        .orElse(null),
                value(assertion, PvpAttribute.MANDATOR_NATURAL_PERSON_BIRTHDATE)
                        .map(LocalDate::parse)
                        .orElse(null),
                null,
                bpk.orElse(null),
                bpk.flatMap(Bpk::parse).map(Bpk::identifierType).orElse(null));
    }

    private static Optional<String> value(ReceivedAssertion assertion, PvpAttribute attribute) {
        return assertion.firstValue(attribute.uri());
    }

    private static Optional<Document> parseMandateDocument(String base64) {
        try {
            return Optional.of(
                    SecureXml.parse(Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII))));
        } catch (IllegalArgumentException e) {
            throw new InvalidPvpAttributeException(
                    PvpAttribute.MANDATE_FULL_MANDATE.friendlyName() + " is not a readable mandate document");
        }
    }

    /** The first {@code md:<localName>} anywhere in the mandate (element text or a {@code Date}-like child). */
    private static Optional<LocalDate> date(Document mandate, String localName) {
        NodeList nodes = mandate.getElementsByTagNameNS(MANDATES_NS, localName);
        if (nodes.getLength() == 0) {
            return Optional.empty();
        }
        String text = ((Element) nodes.item(0)).getTextContent().trim();
        try {
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            throw new InvalidPvpAttributeException("the mandate's " + localName + " is not a date");
        }
    }
}
