package dev.govid.keycloak.pvp;

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

/** The ID Austria / PVP refusal matrix: each rule alone with its MOA-ID code, the order of the rules, and what passes. */
class PvpResponseRulesTest {

    private static final String BPK_VALUE = "QW5uYUh1YmVyQkZiUEtiYXNlNjQ=";
    private static final LevelDemand SUBSTANTIAL = new LevelDemand(AssuranceLevel.SUBSTANTIAL, true);

    private static TestAssertion good() {
        return TestAssertion.signed()
                .classRef("http://eidas.europa.eu/LoA/high")
                .attribute(PvpAttribute.PVP_VERSION.uri(), "2.2")
                .attribute(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL.uri(), "http://eidas.europa.eu/LoA/high")
                .attribute(PvpAttribute.BPK.uri(), "BF:" + BPK_VALUE)
                .attribute(PvpAttribute.GIVEN_NAME.uri(), "Anna")
                .attribute(PvpAttribute.PRINCIPAL_NAME.uri(), "Huber");
    }

    private static PvpConfig config(Map<String, String> settings) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("idaustria");
        Map<String, String> config = new HashMap<>(Map.of(PvpConfig.SECTOR, "BF"));
        config.putAll(settings);
        model.setConfig(config);
        return new PvpConfig(model);
    }

    private static Optional<EidRefusal> check(TestAssertion assertion, PvpConfig config, LevelDemand demand) {
        Map<PvpAttribute, Boolean> requested = new LinkedHashMap<>();
        requested.put(PvpAttribute.BPK, true);
        requested.put(PvpAttribute.GIVEN_NAME, true);
        requested.put(PvpAttribute.PRINCIPAL_NAME, true);
        requested.put(PvpAttribute.MAIL, false);
        return PvpResponseRules.check(assertion.build(), config, demand, requested);
    }

    private static Optional<EidRefusal> check(TestAssertion assertion) {
        return check(assertion, config(Map.of()), SUBSTANTIAL);
    }

    private static void assertRefused(Optional<EidRefusal> refusal, String messageKey, String exceptionCode) {
        assertThat(refusal).as("refused").isPresent();
        assertThat(refusal.get().messageKey()).isEqualTo(messageKey);
        assertThat(refusal.get().exceptionCode()).isEqualTo(exceptionCode);
    }

    @Test
    void aGoodResponsePasses() {
        assertThat(check(good())).isEmpty();
        assertThat(check(good().without(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL.uri())))
                .as("the class alone states the level")
                .isEmpty();
    }

    @Test
    void theResponseElementMustBeSigned() {
        assertRefused(
                check(good().responseSigned(false)), PvpMessages.RESPONSE_NOT_SIGNED, PvpMessages.RESPONSE_NOT_SIGNED);
    }

    @Test
    void everyAttributeValueMustBeWellFormed() {
        assertRefused(
                check(good().attribute(PvpAttribute.MAIL.uri(), "not a mail address")),
                PvpMessages.INVALID_ATTRIBUTE,
                PvpMessages.INVALID_ATTRIBUTE);
        assertRefused(
                check(good().attribute(PvpAttribute.GIVEN_NAME.uri(), "x".repeat(129))),
                PvpMessages.INVALID_ATTRIBUTE,
                PvpMessages.INVALID_ATTRIBUTE);
        assertThat(check(good().attribute("urn:oid:1.2.3.4.5", "anything")))
                .as("attributes outside the catalogue")
                .isEmpty();
    }

    @Test
    void thePvpVersionMustBeAccepted() {
        assertRefused(
                check(good().without(PvpAttribute.PVP_VERSION.uri())),
                PvpMessages.VERSION_NOT_ACCEPTED,
                PvpResponseRules.MOA_NOT_BUILDABLE);
        assertRefused(
                check(good().without(PvpAttribute.PVP_VERSION.uri()).attribute(PvpAttribute.PVP_VERSION.uri(), "3.0")),
                PvpMessages.VERSION_NOT_ACCEPTED,
                PvpResponseRules.MOA_NOT_BUILDABLE);
        assertRefused(
                check(good(), config(Map.of(PvpConfig.ACCEPTED_VERSIONS, "2.1")), SUBSTANTIAL),
                PvpMessages.VERSION_NOT_ACCEPTED,
                PvpResponseRules.MOA_NOT_BUILDABLE);
    }

    @Test
    void aLevelMustBeStatedAndMeetTheDemand() {
        assertRefused(
                check(good().classRef(null).without(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL.uri())),
                PvpMessages.LEVEL_MISSING,
                PvpResponseRules.MOA_DATA_MISSING);
        assertRefused(
                check(good().classRef("http://eidas.europa.eu/LoA/low")
                        .without(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL.uri())),
                PvpMessages.LEVEL_TOO_LOW,
                PvpResponseRules.MOA_DATA_MISSING);
        assertRefused(
                check(good().without(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL.uri())
                        .attribute(PvpAttribute.EID_CITIZEN_QAA_EIDAS_LEVEL.uri(), "http://eidas.europa.eu/LoA/low")),
                PvpMessages.LEVEL_TOO_LOW,
                PvpResponseRules.MOA_DATA_MISSING);
        assertRefused(
                check(good(), config(Map.of()), new LevelDemand(AssuranceLevel.HIGH, false)),
                PvpMessages.LEVEL_TOO_LOW,
                PvpResponseRules.MOA_DATA_MISSING);
    }

    @Test
    void aTestIdentityOnlyOnATestConnection() {
        TestAssertion testIdentity =
                good().attribute(PvpAttribute.EID_IDENTITY_STATUS_LEVEL.uri(), PvpResponseRules.TEST_IDENTITY_STATUS);
        assertRefused(check(testIdentity), PvpMessages.TEST_IDENTITY, PvpResponseRules.MOA_ACCESS_DENIED);
        assertThat(check(testIdentity, config(Map.of(PvpConfig.TEST_CONNECTION, "true")), SUBSTANTIAL))
                .isEmpty();
    }

    @Test
    void theBpkMustBeThereAndOfTheSector() {
        assertRefused(
                check(good().without(PvpAttribute.BPK.uri())),
                PvpMessages.BPK_MISSING,
                PvpResponseRules.MOA_DATA_MISSING);
        assertRefused(
                check(good(), config(Map.of(PvpConfig.SECTOR, "GH")), SUBSTANTIAL),
                PvpMessages.WRONG_SECTOR,
                PvpResponseRules.MOA_DATA_MISSING);
        assertRefused(
                check(good().attribute(PvpAttribute.EID_SECTOR_FOR_IDENTIFIER.uri(), "urn:publicid:gv.at:cdid+GH")),
                PvpMessages.SECTOR_MISMATCH,
                PvpResponseRules.MOA_NOT_BUILDABLE);
        assertThat(check(good().attribute(PvpAttribute.EID_SECTOR_FOR_IDENTIFIER.uri(), "urn:publicid:gv.at:cdid+BF")))
                .isEmpty();
    }

    @Test
    void requiredAttributesMustCome() {
        assertRefused(
                check(good().without(PvpAttribute.PRINCIPAL_NAME.uri())),
                PvpMessages.REQUIRED_ATTRIBUTES_MISSING,
                PvpResponseRules.MOA_DATA_MISSING);
        assertThat(check(good().without(PvpAttribute.MAIL.uri())))
                .as("optional")
                .isEmpty();
    }

    @Test
    void theFirstBrokenRuleIsTheOneReported() {
        TestAssertion everythingWrong = good().responseSigned(false)
                .without(PvpAttribute.PVP_VERSION.uri())
                .without(PvpAttribute.BPK.uri())
                .without(PvpAttribute.GIVEN_NAME.uri());
        assertThat(check(everythingWrong).map(EidRefusal::messageKey)).contains(PvpMessages.RESPONSE_NOT_SIGNED);
        assertThat(check(everythingWrong.responseSigned(true)).map(EidRefusal::messageKey))
                .contains(PvpMessages.VERSION_NOT_ACCEPTED);
        assertThat(check(everythingWrong.attribute(PvpAttribute.PVP_VERSION.uri(), "2.2"))
                        .map(EidRefusal::messageKey))
                .contains(PvpMessages.BPK_MISSING);
    }
}
