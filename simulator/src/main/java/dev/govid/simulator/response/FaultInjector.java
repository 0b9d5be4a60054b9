package dev.govid.simulator.response;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/** Defects that can only be made after signing or on the serialised text. */
final class FaultInjector {
    private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>");
    private static final Pattern FIRST_ISSUER_END = Pattern.compile("</([A-Za-z_][\\w.-]*:)?Issuer>");

    private FaultInjector() {}

    /** Moves IssueInstant by one second: a plausible value that no longer matches the signed digest. */
    static void tamperSignedResponse(Element response) {
        Instant original = Instant.parse(response.getAttributeNS(null, "IssueInstant"));
        response.setAttributeNS(null, "IssueInstant", SamlXmlBuilder.instant(original.plusSeconds(1)));
    }

    static String withExternalEntity(String xml) {
        String doctype = "<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        return referenceInIssuer(insertDoctype(xml, doctype), "&xxe;");
    }

    static String withEntityExpansion(String xml) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                doctype.append("&lol").append(i - 1).append(';');
            }
            doctype.append("\">");
        }
        doctype.append("]>");
        return referenceInIssuer(insertDoctype(xml, doctype.toString()), "&lol9;");
    }

    private static String insertDoctype(String xml, String doctype) {
        Matcher declaration = XML_DECLARATION.matcher(xml);
        if (declaration.find()) {
            return xml.substring(0, declaration.end()) + doctype + xml.substring(declaration.end());
        }
        return doctype + xml;
    }

    private static String referenceInIssuer(String xml, String reference) {
        Matcher end = FIRST_ISSUER_END.matcher(xml);
        if (!end.find()) {
            throw new IllegalStateException("response has no Issuer");
        }
        return xml.substring(0, end.start()) + reference + xml.substring(end.start());
    }
}
