package dev.govid.keycloak.bundid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.loa.LevelDemand;
import dev.govid.keycloak.saml.EidRefusal;
import dev.govid.keycloak.saml.TestAssertion;
import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderModel;

/** The BundID refusal matrix: each rule alone, the first broken rule wins, and what passes. */
class BundIdResponseRulesTest {

    private static final LevelDemand SUBSTANTIAL = new LevelDemand(AssuranceLevel.SUBSTANTIAL, true);

    private static TestAssertion good() {
        return TestAssertion.signed()
                .classRef("STORK-QAA-Level-3")
                .attribute(BundIdAttribute.BPK2.oid(), "bpk2-of-erika")
                .attribute(BundIdAttribute.GIVEN_NAME.oid(), "Erika")
                .attribute(BundIdAttribute.ASSERTION_PROVED_BY.oid(), "eID")
                .nameId("transient-1");
    }

    private static BundIdConfig config(Map<String, String> settings) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("bundid");
        model.setConfig(new HashMap<>(settings));
        return new BundIdConfig(model);
    }

    private static Optional<EidRefusal> check(TestAssertion assertion, BundIdConfig config, LevelDemand demand) {
        Map<BundIdAttribute, Boolean> requested = new LinkedHashMap<>();
        requested.put(BundIdAttribute.GIVEN_NAME, true);
        requested.put(BundIdAttribute.MAIL, false);
        return BundIdResponseRules.check(assertion.build(), config, demand, requested);
    }

    private static Optional<EidRefusal> check(TestAssertion assertion) {
        return check(assertion, config(Map.of()), SUBSTANTIAL);
    }

    private static String key(Optional<EidRefusal> refusal) {
        return refusal.map(EidRefusal::messageKey).orElse("accepted");
    }

    @Test
    void aGoodResponsePasses() {
        assertThat(check(good())).isEmpty();
        assertThat(check(good().classRef("STORK-QAA-Level-4")))
                .as("more than demanded")
                .isEmpty();
    }

    @Test
    void theResponseElementMustBeSigned() {
        assertThat(key(check(good().responseSigned(false)))).isEqualTo(BundIdMessages.RESPONSE_NOT_SIGNED);
    }

    @Test
    void aLevelMustBeStated() {
        assertThat(key(check(good().classRef(null)))).isEqualTo(BundIdMessages.LEVEL_MISSING);
        assertThat(key(check(good().classRef("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified"))))
                .isEqualTo(BundIdMessages.LEVEL_MISSING);
        assertThat(check(good().classRef(null).attribute(BundIdAttribute.CITIZEN_QAA_LEVEL.oid(), "STORK-QAA-Level-3")))
                .as("the level attribute counts when the class is missing")
                .isEmpty();
    }

    @Test
    void theLevelMustMeetTheDemand() {
        Optional<EidRefusal> refusal = check(good(), config(Map.of()), new LevelDemand(AssuranceLevel.HIGH, true));
        assertThat(key(refusal)).isEqualTo(BundIdMessages.LEVEL_TOO_LOW);
        assertThat(refusal.orElseThrow().reason()).isEqualTo("asserted STORK-QAA-Level-3, required STORK-QAA-Level-4");
        assertThat(refusal.orElseThrow().exceptionCode())
                .as("no MOA-ID code: recorded under the message key")
                .isEqualTo(BundIdMessages.LEVEL_TOO_LOW);
        assertThat(key(check(
                        good().classRef("STORK-QAA-Level-4"),
                        config(Map.of()),
                        new LevelDemand(AssuranceLevel.HIGH, false))))
                .as("a client asking for more than any eID level")
                .isEqualTo(BundIdMessages.LEVEL_TOO_LOW);
    }

    @Test
    void theMethodMustBeAllowed() {
        BundIdConfig onlyUsername = config(Map.of(BundIdConfig.ALLOWED_METHODS, "Benutzername"));
        assertThat(key(check(good(), onlyUsername, SUBSTANTIAL))).isEqualTo(BundIdMessages.METHOD_NOT_ALLOWED);
        assertThat(check(good(), config(Map.of(BundIdConfig.ALLOWED_METHODS, "eID##Benutzername")), SUBSTANTIAL))
                .isEmpty();
        assertThat(check(good().without(BundIdAttribute.ASSERTION_PROVED_BY.oid()), onlyUsername, SUBSTANTIAL))
                .as("a response that names no method")
                .isEmpty();
        assertThat(check(good(), config(Map.of()), SUBSTANTIAL))
                .as("no restriction")
                .isEmpty();
    }

    @Test
    void requiredAttributesMustCome() {
        assertThat(key(check(good().without(BundIdAttribute.GIVEN_NAME.oid()))))
                .isEqualTo(BundIdMessages.REQUIRED_ATTRIBUTES_MISSING);
        assertThat(check(good().without(BundIdAttribute.MAIL.oid())))
                .as("optional")
                .isEmpty();
    }

    @Test
    void aTemporaryLoginIsRefusedUnlessTheProviderAcceptsIt() {
        TestAssertion temporary = good().without(BundIdAttribute.BPK2.oid());
        assertThat(key(check(temporary))).isEqualTo(BundIdMessages.TEMPORARY_LOGIN_REJECTED);
        BundIdConfig accepting = config(Map.of(BundIdConfig.TEMPORARY_LOGIN_POLICY, "accept"));
        assertThat(check(temporary, accepting, SUBSTANTIAL)).isEmpty();
        assertThat(BundIdResponseRules.personKey(temporary.build(), accepting))
                .contains(new BundIdResponseRules.PersonKey("temporary:transient-1", "bundid-temp-"));
        assertThat(key(check(temporary.nameId(null), accepting, SUBSTANTIAL)))
                .as("nothing to key the user by")
                .isEqualTo(BundIdMessages.TEMPORARY_LOGIN_REJECTED);
        assertThat(BundIdResponseRules.personKey(good().build(), accepting))
                .contains(new BundIdResponseRules.PersonKey("bpk2-of-erika", "bundid-"));
    }

    @Test
    void theFirstBrokenRuleIsTheOneReported() {
        TestAssertion everythingWrong = good().responseSigned(false)
                .classRef("STORK-QAA-Level-1")
                .without(BundIdAttribute.GIVEN_NAME.oid())
                .without(BundIdAttribute.BPK2.oid());
        assertThat(key(check(everythingWrong))).isEqualTo(BundIdMessages.RESPONSE_NOT_SIGNED);
        assertThat(key(check(everythingWrong.responseSigned(true)))).isEqualTo(BundIdMessages.LEVEL_TOO_LOW);
        assertThat(key(check(everythingWrong.classRef("STORK-QAA-Level-3"))))
                .isEqualTo(BundIdMessages.REQUIRED_ATTRIBUTES_MISSING);
    }
}
