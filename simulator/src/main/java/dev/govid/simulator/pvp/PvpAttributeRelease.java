package dev.govid.simulator.pvp;

import static dev.govid.simulator.pvp.PvpAttribute.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.govid.simulator.response.ReleasedAttribute;

/**
 * Decides which PVP attributes a login releases. Without {@code eidas:RequestedAttributes} the default set
 * (everything except mandate attributes); with it exactly the requested attributes the login has, plus
 * PVP-VERSION. Mandate attributes exist only for a mandate persona in a request that asked for MANDATE-TYPE;
 * otherwise the representative simply logs in as themself.
 */
public final class PvpAttributeRelease {
    private final List<ReleasedAttribute> attributes;
    private final List<String> missingRequired;
    private final boolean actingForMandator;

    private PvpAttributeRelease(
            List<ReleasedAttribute> attributes, List<String> missingRequired, boolean actingForMandator) {
        this.attributes = List.copyOf(attributes);
        this.missingRequired = List.copyOf(missingRequired);
        this.actingForMandator = actingForMandator;
    }

    public static PvpAttributeRelease compute(PvpRequest request, PvpPersona persona, int storkLevel, Sector sector) {
        return compute(request, persona, storkLevel, sector, false);
    }

    /**
     * @param lenientSp a stock SAML broker that cannot ask for mandate attributes gets them anyway for a
     *                  mandate persona, so benchmarks compare the same responses
     */
    public static PvpAttributeRelease compute(
            PvpRequest request, PvpPersona persona, int storkLevel, Sector sector, boolean lenientSp) {
        return compute(request, persona, storkLevel, sector, lenientSp, PvpVariant.NONE);
    }

    /** @param variant how this answer differs from the default profile (see {@link PvpVariant}) */
    public static PvpAttributeRelease compute(
            PvpRequest request,
            PvpPersona persona,
            int storkLevel,
            Sector sector,
            boolean lenientSp,
            PvpVariant variant) {
        boolean actingForMandator = persona.hasMandate()
                && (request.asksForMandate()
                        || (lenientSp && request.requestedAttributes() == null)
                        || variant == PvpVariant.MANDATE_UNASKED);
        Map<PvpAttribute, String> available = personalAttributes(persona, storkLevel, sector);
        if (actingForMandator) {
            available.putAll(mandateAttributes(persona, sector, variant));
        }
        Map<PvpAttribute, String> forced = PvpVariantAttributes.apply(variant, available, storkLevel, sector);

        List<ReleasedAttribute> released = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (request.requestedAttributes() == null) {
            available.forEach((attribute, value) -> released.add(release(attribute, value)));
            return new PvpAttributeRelease(released, missing, actingForMandator);
        }
        // PVP-VERSION tells the SP which profile version the assertion follows, so it always comes along; so do the
        // attributes a variant forces (an IdP that fixes the set at registration sends them whatever was asked).
        if (available.containsKey(PVP_VERSION)) {
            released.add(release(PVP_VERSION, available.get(PVP_VERSION)));
        }
        forced.forEach((attribute, value) -> released.add(release(attribute, value)));
        for (RequestedPvpAttribute requested : request.requestedAttributes()) {
            PvpAttribute attribute = PvpAttribute.fromUrn(requested.name()).orElse(null);
            if (attribute == PVP_VERSION || forced.containsKey(attribute)) {
                continue;
            }
            String value = attribute == null ? null : available.get(attribute);
            if (value != null) {
                released.add(release(attribute, value));
            } else if (requested.required()) {
                missing.add(requested.name());
            }
        }
        return new PvpAttributeRelease(released, missing, actingForMandator);
    }

    private static Map<PvpAttribute, String> personalAttributes(PvpPersona persona, int storkLevel, Sector sector) {
        Map<PvpAttribute, String> values = new EnumMap<>(PvpAttribute.class);
        values.put(PVP_VERSION, PVP_VERSION_VALUE);
        values.put(SECCLASS, Integer.toString(Math.max(0, storkLevel - 1)));
        values.put(EID_CITIZEN_QAA_LEVEL, "STORK-QAA-Level-" + storkLevel);
        values.put(EID_CITIZEN_QAA_EIDAS_LEVEL, LoaVocabulary.EIDAS.classRef(storkLevel));
        values.put(BPK, sector.bpkAttribute(persona.baseId()));
        values.put(EID_SECTOR_FOR_IDENTIFIER, sector.identifierUrn());
        values.put(GIVEN_NAME, persona.givenName());
        values.put(PRINCIPAL_NAME, persona.familyName());
        values.put(BIRTHDATE, persona.birthDate());
        if (persona.mail() != null) {
            values.put(MAIL, persona.mail());
        }
        values.put(EID_ISSUING_NATION, persona.issuingNation());
        // As the MOA-ID attribute table says: no citizen-card environment URL for a foreign (eIDAS) login.
        if ("AT".equals(persona.issuingNation())) {
            values.put(EID_CCS_URL, SIMULATED_CCS_URL);
        }
        if (persona.testIdentity()) {
            values.put(EID_IDENTITY_STATUS_LEVEL, TEST_IDENTITY_STATUS);
        }
        return values;
    }

    private static Map<PvpAttribute, String> mandateAttributes(PvpPersona persona, Sector sector, PvpVariant variant) {
        PvpMandate mandate = variant == PvpVariant.EXPIRED_MANDATE
                ? PvpVariantAttributes.expired(persona.mandate())
                : persona.mandate();
        Map<PvpAttribute, String> values = new EnumMap<>(PvpAttribute.class);
        values.put(MANDATE_TYPE, mandate.type());
        values.put(MANDATE_TYPE_OID, mandate.typeOid());
        values.put(MANDATE_REFERENCE_VALUE, mandate.referenceValue());
        values.put(MANDATE_FULL_MANDATE, MandateDocument.base64(persona, mandate, sector));
        if (mandate.mandator() instanceof PvpMandate.NaturalMandator natural) {
            values.put(MANDATOR_NATURAL_PERSON_GIVEN_NAME, natural.givenName());
            values.put(MANDATOR_NATURAL_PERSON_FAMILY_NAME, natural.familyName());
            values.put(MANDATOR_NATURAL_PERSON_BIRTHDATE, natural.birthDate().toString());
            values.put(MANDATOR_NATURAL_PERSON_BPK, sector.bpkAttribute(natural.baseId()));
        } else if (mandate.mandator() instanceof PvpMandate.LegalMandator legal) {
            values.put(MANDATOR_LEGAL_PERSON_FULL_NAME, legal.fullName());
            values.put(MANDATOR_LEGAL_PERSON_SOURCE_PIN, legal.sourcePin());
            values.put(MANDATOR_LEGAL_PERSON_SOURCE_PIN_TYPE, legal.sourcePinType());
        }
        if (mandate.professionalRepresentative() != null) {
            values.put(
                    MANDATE_PROF_REP_OID, mandate.professionalRepresentative().oid());
            values.put(
                    MANDATE_PROF_REP_DESCRIPTION,
                    mandate.professionalRepresentative().description());
        }
        return values;
    }

    private static ReleasedAttribute release(PvpAttribute attribute, String value) {
        return ReleasedAttribute.of(attribute.urn(), attribute.friendlyName(), value);
    }

    public List<ReleasedAttribute> attributes() {
        return attributes;
    }

    public List<String> missingRequired() {
        return missingRequired;
    }

    /** True when mandate attributes were included (a mandate persona and a request asking for them). */
    public boolean actingForMandator() {
        return actingForMandator;
    }
}
