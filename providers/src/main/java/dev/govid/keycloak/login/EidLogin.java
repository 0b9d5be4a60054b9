package dev.govid.keycloak.login;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.govid.keycloak.loa.AssuranceLevel;
import dev.govid.keycloak.mandate.Mandate;

/**
 * What one eID login proved, in the same shape for every eID system. Written once per login by the eID profile
 * and kept as one user-session note; every consumer reads this and nothing else.
 *
 * @param id             random per login: a client session carries it once the per-client rules passed this login
 * @param eid            alias of the identity provider that answered
 * @param system         provider type of that identity provider (e.g. {@code govid-bundid}); for the profile's own claims only
 * @param personKey      the person key the eID system proved (bPK2, bPK with sector, BSN, …)
 * @param attributes     every other proved attribute, by its claim name (e.g. {@code email}, {@code source_pin})
 * @param trustLevels    the eID system's trust level per attribute claim name, where it states one
 * @param foreignPerson  the person was identified through a foreign eID (eIDAS) by this system
 * @param testIdentity   the eID system marked the person as a test identity
 * @param temporary      a login without a lasting person key (BundID's temporary login)
 * @param mandate        set when the person acts on behalf of someone else
 * @param kept           what of the login was kept for the session (data minimisation); null for a login as the eID
 *                       system delivered it, before it was stored
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EidLogin(
        String id,
        String eid,
        String system,
        PersonKey personKey,
        String givenName,
        String familyName,
        String birthdate,
        Address address,
        AssuranceLevel level,
        String method,
        String issuingNation,
        Map<String, String> attributes,
        Map<String, String> trustLevels,
        boolean foreignPerson,
        boolean testIdentity,
        boolean temporary,
        Mandate mandate,
        KeptData kept) {

    public EidLogin {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        trustLevels = trustLevels == null ? Map.of() : Map.copyOf(trustLevels);
    }

    /** A login as the eID system delivered it: nothing dropped yet. */
    public EidLogin(
            String id,
            String eid,
            String system,
            PersonKey personKey,
            String givenName,
            String familyName,
            String birthdate,
            Address address,
            AssuranceLevel level,
            String method,
            String issuingNation,
            Map<String, String> attributes,
            Map<String, String> trustLevels,
            boolean foreignPerson,
            boolean testIdentity,
            boolean temporary,
            Mandate mandate) {
        this(
                id,
                eid,
                system,
                personKey,
                givenName,
                familyName,
                birthdate,
                address,
                level,
                method,
                issuingNation,
                attributes,
                trustLevels,
                foreignPerson,
                testIdentity,
                temporary,
                mandate,
                null);
    }

    /** What this login has of the optional data: all of it until it was stored for a client ({@link KeptData#applyTo}). */
    @JsonIgnore
    public KeptData keptOrAll() {
        return kept == null ? KeptData.EVERYTHING : kept;
    }

    /**
     * A person key and what kind it is.
     *
     * @param value  the key as the eID system sent it, without a sector prefix
     * @param type   its type URN (e.g. {@code urn:publicid:gv.at:cdid+BF}, {@code urn:bund:bundid:bpk2})
     * @param sector the sector it belongs to, where keys are sector-specific
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonKey(String value, String type, String sector) {

        /** The key with its sector in front ({@code BF:…}) where it has one, as person keys are written in logs and claims. */
        @JsonIgnore
        public String qualified() {
            return sector == null ? value : sector + ":" + value;
        }
    }

    /** A postal address as OIDC's {@code address} claim knows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String streetAddress, String postalCode, String locality, String country) {

        @JsonIgnore
        public boolean isEmpty() {
            return streetAddress == null && postalCode == null && locality == null && country == null;
        }
    }

    @JsonIgnore
    public Optional<Mandate> optionalMandate() {
        return Optional.ofNullable(mandate);
    }

    @JsonIgnore
    public Optional<String> attribute(String claimName) {
        return Optional.ofNullable(attributes.get(claimName));
    }

    /** A name for people: "Given Family", or what there is of it. */
    @JsonIgnore
    public String displayName() {
        String given = givenName == null ? "" : givenName.trim();
        String family = familyName == null ? "" : familyName.trim();
        return (given + " " + family).trim();
    }
}
