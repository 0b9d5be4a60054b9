package dev.govid.simulator.pvp;

import static dev.govid.simulator.pvp.PvpAttribute.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PvpVariantAttributesTest {

    private static Map<PvpAttribute, String> login() {
        Map<PvpAttribute, String> values = new EnumMap<>(PvpAttribute.class);
        values.put(PVP_VERSION, PVP_VERSION_VALUE);
        values.put(SECCLASS, "3");
        values.put(EID_CITIZEN_QAA_LEVEL, "STORK-QAA-Level-4");
        values.put(EID_CITIZEN_QAA_EIDAS_LEVEL, "http://eidas.europa.eu/LoA/high");
        values.put(EID_SECTOR_FOR_IDENTIFIER, Sector.DEFAULT.identifierUrn());
        values.put(MANDATE_TYPE, "GeneralvollmachtBilateral");
        return values;
    }

    @Test
    void eidasLevelOnlyDropsTheLegacyLevelsAndAlwaysSendsTheEidasOne() {
        Map<PvpAttribute, String> available = login();
        Map<PvpAttribute, String> forced =
                PvpVariantAttributes.apply(PvpVariant.EIDAS_LEVEL_ATTRIBUTE_ONLY, available, 4, Sector.DEFAULT);
        assertThat(available).doesNotContainKeys(SECCLASS, EID_CITIZEN_QAA_LEVEL);
        assertThat(forced).containsOnlyKeys(EID_CITIZEN_QAA_EIDAS_LEVEL);
    }

    @Test
    void eachVariantChangesWhatItSays() {
        Map<PvpAttribute, String> available = login();
        PvpVariantAttributes.apply(PvpVariant.PVP_VERSION_MISSING, available, 4, Sector.DEFAULT);
        assertThat(available).doesNotContainKey(PVP_VERSION);

        available = login();
        PvpVariantAttributes.apply(PvpVariant.PVP_VERSION_1_0, available, 4, Sector.DEFAULT);
        assertThat(available).containsEntry(PVP_VERSION, "1.0");

        assertThat(PvpVariantAttributes.apply(PvpVariant.SECTOR_MISMATCH, login(), 4, Sector.DEFAULT))
                .containsEntry(EID_SECTOR_FOR_IDENTIFIER, "urn:publicid:gv.at:cdid+GH");
        assertThat(PvpVariantAttributes.apply(PvpVariant.SECTOR_MISMATCH, login(), 4, new Sector("GH")))
                .containsEntry(EID_SECTOR_FOR_IDENTIFIER, "urn:publicid:gv.at:cdid+BF");
        assertThat(PvpVariantAttributes.apply(PvpVariant.LEVELS_DISAGREE, login(), 4, Sector.DEFAULT))
                .containsEntry(EID_CITIZEN_QAA_EIDAS_LEVEL, "http://eidas.europa.eu/LoA/substantial");
        assertThat(PvpVariantAttributes.apply(PvpVariant.TEST_IDENTITY_STATUS, login(), 4, Sector.DEFAULT))
                .containsEntry(EID_IDENTITY_STATUS_LEVEL, TEST_IDENTITY_STATUS);
        assertThat(PvpVariantAttributes.apply(PvpVariant.MANDATE_UNASKED, login(), 4, Sector.DEFAULT))
                .containsOnlyKeys(MANDATE_TYPE);
        assertThat(PvpVariantAttributes.apply(PvpVariant.NONE, login(), 4, Sector.DEFAULT))
                .isEmpty();
    }
}
