package dev.govid.keycloak.it.saml1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govid.keycloak.harness.Browser;
import dev.govid.keycloak.harness.Json;
import dev.govid.keycloak.harness.KeycloakServer;
import dev.govid.keycloak.harness.Page;
import dev.govid.keycloak.harness.Urls;
import dev.govid.keycloak.it.SamlXml;
import dev.govid.keycloak.it.SharedKeycloak;
import dev.govid.keycloak.it.SharedSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml1.core.Assertion;
import org.opensaml.saml1.core.Attribute;
import org.opensaml.saml1.core.AttributeStatement;
import org.opensaml.saml1.core.Response;
import org.opensaml.xml.XMLObject;
import org.w3c.dom.Element;

/**
 * The SAML1 answers element by element as MOA-ID's handbook describes them, read with OpenSAML as a legacy client
 * would: {@code MandateData} and {@code md:Mandate} for the three kinds of mandate, {@code useMandate} against each
 * representation rule, the request's Target against the application's, {@code bkuURL}, the empty base-ID
 * identification, and the confirmation method of both SAML versions. Every answer is also schema-validated (in
 * {@link Saml1Calls}).
 */
class Saml1InteropIT {

    private static final String PERSONDATA = "http://reference.e-government.gv.at/namespace/persondata/20020228#";
    private static final String MANDATES = "http://reference.e-government.gv.at/namespace/mandates/20040701#";
    private static final String MOA = "http://reference.e-government.gv.at/namespace/moa/20020822#";
    private static final String MANDATOR_BPK = "urn:oid:1.2.40.0.10.2.1.1.261.98";
    private static final String OPTIONAL = "moa-interop-optional";
    private static final String OFF = "moa-interop-off";
    private static final String REQUIRED = "moa-interop-required";
    private static final String NO_TARGET = "moa-interop-no-target";
    private static final String SAML11 = "moa-interop-saml11";

    private static KeycloakServer keycloak;
    private static Saml1Calls calls;

    @BeforeAll
    static void registerApplications() {
        keycloak = SharedKeycloak.get();
        SharedSimulator.get();
        calls = new Saml1Calls(keycloak.realmUrl(SharedKeycloak.DEMO_REALM));
        register(
                OPTIONAL,
                Map.of("moa.target", "BF", "govid.representation", "optional", "govid.mandate.profiles", "*"));
        register(OFF, Map.of("moa.target", "BF", "govid.representation", "off"));
        register(
                REQUIRED,
                Map.of("moa.target", "BF", "govid.representation", "required", "govid.mandate.profiles", "*"));
        register(NO_TARGET, Map.of("govid.representation", "off"));
        register(SAML11, Map.of("moa.target", "BF", "moa.minorVersion", "1"));
    }

    private static void register(String clientId, Map<String, String> attributes) {
        String realm = SharedKeycloak.DEMO_REALM;
        keycloak.admin().getJson("/" + realm + "/clients?clientId=" + clientId).forEach(existing -> keycloak.admin()
                .delete("/" + realm + "/clients/" + existing.path("id").asText()));
        ObjectNode client = (ObjectNode) Json.parse("""
                {"clientId":"%s","protocol":"govid-moa-saml1","enabled":true,"redirectUris":["%s*"]}
                """.formatted(clientId, prefix(clientId)));
        ObjectNode attrs = Json.object()
                .put("moa.saml1.enabled", "true")
                .put("moa.oaUrlPrefixes", prefix(clientId))
                .put("govid.sso.confirmation", "false");
        attributes.forEach(attrs::put);
        client.set("attributes", attrs);
        keycloak.admin().createClient(realm, client);
    }

    private static String prefix(String clientId) {
        return SharedKeycloak.appUrl() + "/" + clientId + "/";
    }

    // ---- mandates, field by field

    @Test
    void naturalPersonMandateInMandateDataAndMandate() throws Exception {
        Assertion assertion = success(new Person().loginOnBehalf(OPTIONAL, "anna-for-karl"));
        String karlsBpk = mandatorBpk();

        Element mandateData = value(assertion, "MandateData", PERSONDATA);
        Element karl = child(mandateData, PERSONDATA, "PhysicalPerson");
        assertThat(text(karl, "Identification", "Value")).isEqualTo(karlsBpk);
        assertThat(text(karl, "Identification", "Type")).isEqualTo("urn:publicid:gv.at:cdid+BF");
        assertThat(text(karl, "Name", "GivenName")).isEqualTo("Karl");
        assertThat(text(karl, "Name", "FamilyName")).isEqualTo("Huber");
        assertThat(text(karl, "DateOfBirth")).isEqualTo("1950-06-15");

        Element mandate = child(value(assertion, "Mandate", MANDATES), MANDATES, "Mandate");
        Element representative = child(child(mandate, MANDATES, "Representative"), PERSONDATA, "PhysicalPerson");
        assertThat(text(representative, "Name", "GivenName")).isEqualTo("Anna");
        assertThat(text(representative, "Name", "FamilyName")).isEqualTo("Huber");
        assertThat(text(representative, "DateOfBirth")).isEqualTo("1980-02-29");
        Element mandator = child(child(mandate, MANDATES, "Mandator"), PERSONDATA, "PhysicalPerson");
        assertThat(text(mandator, "Identification", "Value")).isEqualTo(karlsBpk);
        assertThat(text(mandator, "Name", "GivenName")).isEqualTo("Karl");
        assertThat(text(mandator, "DateOfBirth")).isEqualTo("1950-06-15");
        assertThat(textValue(assertion, "RepresentationType", MANDATES)).isEqualTo("GeneralvollmachtBilateral");
        assertThat(textValue(assertion, "mandateReferenceValue", MOA)).isEqualTo("MVR-2026-000123");
        assertThat(attribute(assertion, "OID", PERSONDATA))
                .as("no professional representative")
                .isEmpty();
    }

    @Test
    void companyMandateInMandateDataAndMandate() throws Exception {
        Assertion assertion = success(new Person().loginOnBehalf(OPTIONAL, "anna-for-company"));

        Element company = child(value(assertion, "MandateData", PERSONDATA), PERSONDATA, "CorporateBody");
        assertThat(text(company, "Identification", "Value")).isEqualTo("123456a");
        assertThat(text(company, "Identification", "Type")).isEqualTo("urn:publicid:gv.at:baseid+XFN");
        assertThat(text(company, "FullName")).isEqualTo("Musterfirma GmbH");
        Element mandator = child(
                child(child(value(assertion, "Mandate", MANDATES), MANDATES, "Mandate"), MANDATES, "Mandator"),
                PERSONDATA,
                "CorporateBody");
        assertThat(text(mandator, "FullName")).isEqualTo("Musterfirma GmbH");
        assertThat(text(mandator, "Identification", "Value")).isEqualTo("123456a");
        assertThat(textValue(assertion, "RepresentationType", MANDATES)).isEqualTo("Vertretungsbefugnis");
        assertThat(textValue(assertion, "mandateReferenceValue", MOA)).isEqualTo("MVR-2026-000456");
    }

    @Test
    void professionalRepresentativeMandateCarriesOidAndDescription() throws Exception {
        Assertion assertion = success(new Person().loginOnBehalf(OPTIONAL, "lawyer"));

        Element client = child(value(assertion, "MandateData", PERSONDATA), PERSONDATA, "PhysicalPerson");
        assertThat(text(client, "Identification", "Value")).isEqualTo(mandatorBpk());
        assertThat(text(client, "Name", "GivenName")).isEqualTo("Maria");
        assertThat(text(client, "Name", "FamilyName")).isEqualTo("Schmidt");
        assertThat(text(client, "DateOfBirth")).isEqualTo("1975-11-03");
        assertThat(textValue(assertion, "OID", PERSONDATA)).isEqualTo("1.2.40.0.10.3.1");
        assertThat(textValue(assertion, "OIDTextualDescription", PERSONDATA)).isEqualTo("Rechtsanwalt");
        Element representative = child(
                child(child(value(assertion, "Mandate", MANDATES), MANDATES, "Mandate"), MANDATES, "Representative"),
                PERSONDATA,
                "PhysicalPerson");
        assertThat(text(representative, "Name", "GivenName")).isEqualTo("Paul");
    }

    // ---- useMandate × the application's representation rule

    @Test
    void useMandateTrue() throws Exception {
        assertThat(refusal(start(new Person(), OFF, "true"))).as("off").contains("1108");
        Person atOptional = new Person();
        assertThat(mandateOf(atOptional.finish(start(atOptional, OPTIONAL, "true"), "anna-for-karl", null)))
                .as("optional")
                .isTrue();
        Person person = new Person();
        assertThat(mandateOf(person.finish(start(person, REQUIRED, "true"), "anna-for-karl", null)))
                .as("required")
                .isTrue();
    }

    @Test
    void useMandateFalseIsNoMandateMode() throws Exception {
        Person atOff = new Person();
        assertThat(mandateOf(atOff.finish(start(atOff, OFF, "false"), "anna", null)))
                .as("off")
                .isFalse();
        Person atOptional = new Person();
        Page first = start(atOptional, OPTIONAL, "false");
        assertThat(Person.asksForWhom(first))
                .as("no 'Für wen handeln Sie?' with useMandate=false")
                .isFalse();
        assertThat(mandateOf(atOptional.finish(first, "anna-for-karl", null)))
                .as("a mandate persona logs in for herself")
                .isFalse();
        assertThat(refusal(start(new Person(), REQUIRED, "false")))
                .as("required")
                .contains("1108");
    }

    @Test
    void useMandateAbsentLeavesItToTheApplicationsRule() throws Exception {
        Person atOff = new Person();
        Page off = start(atOff, OFF, null);
        assertThat(Person.asksForWhom(off)).isFalse();
        assertThat(mandateOf(atOff.finish(off, "anna", null))).as("off").isFalse();
        Person atOptional = new Person();
        Page optional = start(atOptional, OPTIONAL, null);
        assertThat(Person.asksForWhom(optional)).as("optional asks").isTrue();
        assertThat(mandateOf(atOptional.finish(optional, "anna-for-karl", "on-behalf")))
                .isTrue();
        Person atRequired = new Person();
        Page required = start(atRequired, REQUIRED, null);
        assertThat(Person.asksForWhom(required)).as("required decides").isFalse();
        assertThat(mandateOf(atRequired.finish(required, "anna-for-karl", null)))
                .as("required")
                .isTrue();
        assertThat(refusal(start(new Person(), OPTIONAL, "maybe")))
                .as("neither true nor false")
                .contains("1002");
    }

    // ---- Target

    @Test
    void theRedirectEchoesTheRequestsTargetAndTheApplicationsTargetDecidesTheSector() throws Exception {
        Person person = new Person();
        Page redirect = person.finish(person.start(params(OFF, "GH", "false")), "anna", null);
        assertThat(Urls.queryParams(redirect.location())).containsEntry("Target", "GH");
        Assertion assertion = success(redirect);
        assertThat(nameQualifier(assertion)).isEqualTo("urn:publicid:gv.at:cdid+BF");
    }

    @Test
    void withoutAnApplicationTargetTheRequestsDecidesAndNothingDefaultsToBf() throws Exception {
        assertThat(refusal(new Person().start(params(NO_TARGET, null, null))))
                .as("no Target at all")
                .contains("1002");
        assertThat(refusal(new Person().start(params(NO_TARGET, "BF&x=y", null))))
                .as("malformed")
                .contains("1002");

        Person bf = new Person();
        Page redirect = bf.finish(bf.start(params(NO_TARGET, "BF", null)), "anna", null);
        assertThat(Urls.queryParams(redirect.location())).containsEntry("Target", "BF");
        assertThat(nameQualifier(success(redirect))).isEqualTo("urn:publicid:gv.at:cdid+BF");

        // ID Austria answers for the connection's sector (BF); a GH application must not get a BF bPK as its own.
        Person gh = new Person();
        Page refused = gh.finish(gh.start(params(NO_TARGET, "GH", null)), "anna", null);
        assertThat(Urls.queryParams(refused.location())).containsEntry("Target", "GH");
        assertMoaError(refused, "1008");
    }

    @Test
    void theSectorRuleHoldsForASecondApplicationBySingleSignOn() throws Exception {
        Person person = new Person();
        success(person.finish(person.start(params(OFF, "BF", "false")), "anna", null));

        Page gh = person.start(params(NO_TARGET, "GH", null));
        assertThat(gh.isRedirect()).as("SSO answers at once: %s", gh).isTrue();
        assertMoaError(gh, "1008");
        Page bf = person.start(params(NO_TARGET, "BF", null));
        assertThat(nameQualifier(success(bf))).isEqualTo("urn:publicid:gv.at:cdid+BF");
    }

    // ---- person data, bkuURL, versions

    @Test
    void personDataBkuUrlAndTheEmptyBaseIdIdentification() throws Exception {
        Person person = new Person();
        Assertion assertion = success(person.finish(start(person, OFF, "false"), "anna", null));

        Element personData = child(value(assertion, "PersonData", PERSONDATA), PERSONDATA, "Person");
        assertThat(text(personData, "Identification", "Value"))
                .as("base ID not transmitted")
                .isEmpty();
        assertThat(text(personData, "Identification", "Type")).isEqualTo("urn:publicid:gv.at:baseid");
        assertThat(text(personData, "Name", "GivenName")).isEqualTo("Anna");
        assertThat(textValue(assertion, "bkuURL", MOA))
                .as("EID-CCS-URL of the eID system")
                .isEqualTo("https://eid.simulator.test/ccs");
        assertThat(confirmationMethod(assertion)).isEqualTo("urn:oasis:names:tc:SAML:1.0:cm:artifact-01");
    }

    @Test
    void aSaml11ApplicationGetsTheSaml11ConfirmationMethod() throws Exception {
        Person person = new Person();
        Page redirect = person.finish(person.start(params(SAML11, "BF", "false")), "anna", null);
        HttpResponse<String> answer = calls.getAuthenticationData(
                Urls.queryParams(redirect.location()).get("SAMLArtifact"));
        Response response = OpenSamlReader.read(answer.body());
        assertThat(response.getMinorVersion()).isEqualTo(1);
        assertThat(confirmationMethod(response.getAssertions().get(0)))
                .isEqualTo("urn:oasis:names:tc:SAML:1.0:cm:artifact");
        HttpResponse<String> replay = calls.getAuthenticationData(
                Urls.queryParams(redirect.location()).get("SAMLArtifact"));
        assertThat(replay.body()).as("SAML 1.1 error, schema-checked").contains("moa:E1100");
    }

    @Test
    void theSchemaCheckItselfRefusesTheOldBareNumericStatusCode() {
        String old = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
                <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" ResponseID="_a" IssueInstant="2026-01-01T00:00:00Z"
                  MajorVersion="1" MinorVersion="0"><samlp:Status><samlp:StatusCode Value="samlp:Requester">
                  <samlp:StatusCode xmlns:moa="http://reference.e-government.gv.at/namespace/moa/20020822#" Value="moa:1100"/>
                </samlp:StatusCode></samlp:Status></samlp:Response></soapenv:Body></soapenv:Envelope>""";
        assertThatThrownBy(() -> Saml1Schema.assertValidResponse(old))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("moa:1100");
        Saml1Schema.assertValidResponse(old.replace("moa:1100", "moa:E1100"));
    }

    // ---- helpers

    /** One person's browser: fresh logins and, on a second visit, single sign-on. */
    private static final class Person {
        private final Browser browser = new Browser();

        Person() {
            browser.stopBefore(uri -> uri.toString().startsWith(SharedKeycloak.appUrl()));
        }

        Page start(Map<String, String> params) {
            return browser.get(Urls.withQuery(calls.protocolUrl() + "/StartAuthentication", params));
        }

        Page loginOnBehalf(String clientId, String persona) {
            return finish(start(params(clientId, "BF", "true")), persona, null);
        }

        static boolean asksForWhom(Page page) {
            return page.status() == 200
                    && !page.document().select("#govid-representation-form").isEmpty();
        }

        /** Answers the question if asked (and an answer is given), logs in at the simulator, returns the redirect to the application. */
        Page finish(Page page, String persona, String answer) {
            if (asksForWhom(page)) {
                assertThat(answer).as("unexpected representation question").isNotNull();
                page = browser.submitForm(page, "#govid-representation-form", Map.of("representation", answer));
            }
            Page simulator = browser.followAutoPost(page);
            assertThat(simulator.status()).as("simulator page: %s", simulator).isEqualTo(200);
            Page toKeycloak = browser.submitForm(
                    simulator,
                    "form[action$=/pvp/login]",
                    Map.of("persona", persona, "loa", "high", "fault", "none"),
                    "action=login");
            Page redirect = browser.followAutoPost(toKeycloak);
            assertThat(redirect.isRedirect())
                    .as("redirect to the application: %s", redirect)
                    .isTrue();
            return redirect;
        }
    }

    private static Page start(Person person, String clientId, String useMandate) {
        return person.start(params(clientId, "BF", useMandate));
    }

    private static Map<String, String> params(String clientId, String target, String useMandate) {
        Map<String, String> params = new LinkedHashMap<>();
        if (target != null) {
            params.put("Target", target);
        }
        params.put("OA", prefix(clientId) + "app");
        params.put("kc_idp_hint", "idaustria");
        if (useMandate != null) {
            params.put("useMandate", useMandate);
        }
        return params;
    }

    /** A StartAuthentication MOA-ID refused on its error page: no redirect anywhere; returns the page text. */
    private static String refusal(Page page) {
        assertThat(page.isRedirect()).as("refused without a redirect: %s", page).isFalse();
        assertThat(page.status()).isEqualTo(400);
        return page.text();
    }

    private static Assertion success(Page redirect) throws Exception {
        HttpResponse<String> answer = calls.getAuthenticationData(
                Urls.queryParams(redirect.location()).get("SAMLArtifact"));
        Response response = OpenSamlReader.read(answer.body());
        assertThat(response.getStatus().getStatusCode().getValue().getLocalPart())
                .as(answer.body())
                .isEqualTo("Success");
        return response.getAssertions().get(0);
    }

    private static void assertMoaError(Page redirect, String code) throws Exception {
        HttpResponse<String> answer = calls.getAuthenticationData(
                Urls.queryParams(redirect.location()).get("SAMLArtifact"));
        Response response = OpenSamlReader.read(answer.body());
        assertThat(response.getStatus()
                        .getStatusCode()
                        .getStatusCode()
                        .getValue()
                        .getLocalPart())
                .isEqualTo("E" + code);
        assertThat(response.getStatus().getStatusMessage().getMessage()).startsWith(code + ": ");
        assertThat(response.getAssertions()).as("no person data with an error").isEmpty();
    }

    private static boolean mandateOf(Page redirect) throws Exception {
        Assertion assertion = success(redirect);
        boolean mandate = attribute(assertion, "Mandate", MANDATES).isPresent();
        assertThat(attribute(assertion, "MandateData", PERSONDATA).isPresent()).isEqualTo(mandate);
        return mandate;
    }

    private static String mandatorBpk() {
        String bpk = SamlXml.attributeValue(
                SharedSimulator.get().lastResponse().orElseThrow().assertionXml(), MANDATOR_BPK);
        return bpk.substring(bpk.indexOf(':') + 1);
    }

    private static String nameQualifier(Assertion assertion) {
        return statement(assertion).getSubject().getNameIdentifier().getNameQualifier();
    }

    private static String confirmationMethod(Assertion assertion) {
        return statement(assertion)
                .getSubject()
                .getSubjectConfirmation()
                .getConfirmationMethods()
                .get(0)
                .getConfirmationMethod();
    }

    private static AttributeStatement statement(Assertion assertion) {
        return assertion.getAttributeStatements().get(0);
    }

    private static Optional<Attribute> attribute(Assertion assertion, String name, String namespace) {
        List<Attribute> matching = statement(assertion).getAttributes().stream()
                .filter(a -> name.equals(a.getAttributeName()) && namespace.equals(a.getAttributeNamespace()))
                .toList();
        assertThat(matching.size()).as("at most one %s", name).isLessThanOrEqualTo(1);
        return matching.stream().findFirst();
    }

    /** The DOM of the attribute's single value, as OpenSAML unmarshalled it. */
    private static Element value(Assertion assertion, String name, String namespace) {
        List<XMLObject> values = attribute(assertion, name, namespace)
                .orElseThrow(() -> new AssertionError("no attribute " + name))
                .getAttributeValues();
        assertThat(values).as(name).hasSize(1);
        return values.get(0).getDOM();
    }

    private static String textValue(Assertion assertion, String name, String namespace) {
        return value(assertion, name, namespace).getTextContent();
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e
                    && namespace.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + localName + " in " + parent.getLocalName());
    }

    /** Text at a path of person-data children, e.g. {@code Identification, Value}. */
    private static String text(Element element, String... path) {
        Element current = element;
        for (String step : path) {
            current = child(current, PERSONDATA, step);
        }
        return current.getTextContent();
    }
}
