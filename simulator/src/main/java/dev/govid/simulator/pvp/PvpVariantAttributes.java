package dev.govid.simulator.pvp;

import static dev.govid.simulator.pvp.PvpAttribute.*;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** What a {@link PvpVariant} changes in the attributes of a login. */
final class PvpVariantAttributes {
    static final LocalDate EXPIRED_VALID_FROM = LocalDate.of(2024, 7, 1);
    static final LocalDate EXPIRED_VALID_TO = LocalDate.of(2025, 6, 30);

    private PvpVariantAttributes() {}

    /**
     * Changes {@code available} in place and returns the attributes the variant sends whatever the request asked
     * for: ID Austria fixes an SP's attribute set at registration, so it does not wait to be asked.
     */
    static Map<PvpAttribute, String> apply(
            PvpVariant variant, Map<PvpAttribute, String> available, int storkLevel, Sector sector) {
        Map<PvpAttribute, String> forced = new EnumMap<>(PvpAttribute.class);
        switch (variant) {
            case EIDAS_LEVEL_ATTRIBUTE_ONLY -> {
                available.remove(SECCLASS);
                available.remove(EID_CITIZEN_QAA_LEVEL);
                forced.put(EID_CITIZEN_QAA_EIDAS_LEVEL, available.get(EID_CITIZEN_QAA_EIDAS_LEVEL));
            }
            case LEVELS_DISAGREE ->
                forced.put(EID_CITIZEN_QAA_EIDAS_LEVEL, LoaVocabulary.EIDAS.classRef(storkLevel - 1));
            case PVP_VERSION_MISSING -> available.remove(PVP_VERSION);
            case PVP_VERSION_1_0 -> available.put(PVP_VERSION, "1.0");
            case PVP_VERSION_2_1 -> available.put(PVP_VERSION, "2.1");
            case SECTOR_MISMATCH ->
                forced.put(
                        EID_SECTOR_FOR_IDENTIFIER,
                        new Sector("GH".equals(sector.code()) ? "BF" : "GH").identifierUrn());
            case TEST_IDENTITY_STATUS -> forced.put(EID_IDENTITY_STATUS_LEVEL, TEST_IDENTITY_STATUS);
            case MANDATE_UNASKED ->
                available.forEach((attribute, value) -> {
                    if (attribute.isMandate()) {
                        forced.put(attribute, value);
                    }
                });
            default -> {}
        }
        available.putAll(forced);
        return forced;
    }

    /** The same mandate, but its document says it ended on 2025-06-30. */
    static PvpMandate expired(PvpMandate mandate) {
        return new PvpMandate(
                mandate.type(),
                mandate.typeOid(),
                mandate.referenceValue(),
                EXPIRED_VALID_FROM,
                EXPIRED_VALID_TO,
                mandate.mandator(),
                mandate.professionalRepresentative());
    }
}
