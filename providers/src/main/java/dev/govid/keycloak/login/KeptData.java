package dev.govid.keycloak.login;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.govid.keycloak.mandate.Mandate;

/**
 * Which optional parts of an {@link EidLogin} are kept in the user session: what the protocol mappers and the
 * protocol of the client a person logs in to need, nothing more (data minimisation, docs/privacy.md). What the
 * rules, the revision log and the pages need is always kept and not listed here: the person key, names, level,
 * method, issuing nation, the flags, and of a mandate its type, validity, professional representative and the
 * mandator's kind and name.
 *
 * @param birthdate       the person's birthdate (OIDC {@code birthdate})
 * @param address         the person's postal address (OIDC {@code address})
 * @param attributes      the other proved attributes by claim name ({@code email}, {@code source_pin}, …);
 *                        {@value #ALL} for every one
 * @param mandatorDetails the mandator's birthdate and identifier (bPK, source PIN) and its type
 * @param fullMandate     the complete mandate document
 */
public record KeptData(
        boolean birthdate, boolean address, Set<String> attributes, boolean mandatorDetails, boolean fullMandate) {

    public static final String ALL = "*";
    /** The claim names of the address parts in {@link EidLogin#attributes()}. */
    public static final List<String> ADDRESS_CLAIMS = List.of("street_address", "postal_code", "locality", "country");

    public static final KeptData NOTHING = new KeptData(false, false, Set.of(), false, false);
    public static final KeptData EVERYTHING = new KeptData(true, true, Set.of(ALL), true, true);

    public KeptData {
        attributes = attributes == null
                ? Set.of()
                : attributes.contains(ALL) ? Set.of(ALL) : Set.copyOf(new TreeSet<>(attributes));
        if (attributes.contains(ALL)) {
            // Every attribute includes the birthdate and address attributes: keeping the fields as well costs nothing.
            birthdate = true;
            address = true;
        }
    }

    public static KeptData attributes(Collection<String> claimNames) {
        return new KeptData(false, false, new HashSet<>(claimNames), false, false);
    }

    @JsonIgnore
    public boolean allAttributes() {
        return attributes.contains(ALL);
    }

    public KeptData and(KeptData other) {
        Set<String> both = new HashSet<>(attributes);
        both.addAll(other.attributes);
        return new KeptData(
                birthdate || other.birthdate,
                address || other.address,
                both,
                mandatorDetails || other.mandatorDetails,
                fullMandate || other.fullMandate);
    }

    /** Whether a login kept like this has everything {@code needed} asks for. */
    public boolean covers(KeptData needed) {
        return (birthdate || !needed.birthdate)
                && (address || !needed.address)
                && (mandatorDetails || !needed.mandatorDetails)
                && (fullMandate || !needed.fullMandate)
                && (allAttributes() || !needed.allAttributes() && attributes.containsAll(needed.attributes));
    }

    /** The login with only what this keeps (and what is always kept); remembers what it kept. */
    public EidLogin applyTo(EidLogin login) {
        Map<String, String> keptAttributes = new LinkedHashMap<>();
        login.attributes().forEach((claim, value) -> {
            if (allAttributes() || attributes.contains(claim)) {
                keptAttributes.put(claim, value);
            }
        });
        return new EidLogin(
                login.id(),
                login.eid(),
                login.system(),
                login.personKey(),
                login.givenName(),
                login.familyName(),
                birthdate ? login.birthdate() : null,
                address ? login.address() : null,
                login.level(),
                login.method(),
                login.issuingNation(),
                keptAttributes,
                login.trustLevels(),
                login.foreignPerson(),
                login.testIdentity(),
                login.temporary(),
                mandate(login.mandate()),
                this);
    }

    private Mandate mandate(Mandate mandate) {
        if (mandate == null) {
            return null;
        }
        Mandate.Mandator mandator = mandate.mandator();
        if (mandator != null && !mandatorDetails) {
            mandator = new Mandate.Mandator(
                    mandator.kind(),
                    mandator.givenName(),
                    mandator.familyName(),
                    null,
                    mandator.fullName(),
                    null,
                    null);
        }
        return new Mandate(
                mandate.source(),
                mandator,
                mandate.type(),
                mandate.typeOid(),
                mandate.referenceValue(),
                mandate.professionalRepresentative(),
                mandate.validFrom(),
                mandate.validTo(),
                fullMandate ? mandate.fullMandate() : null);
    }
}
