package dev.govid.simulator.pvp;

/**
 * A test person of the PVP mode. The person key is {@code baseId} (the Stammzahl stand-in): bPKs are derived
 * from it per sector, so the same person has different bPKs at SPs of different sectors.
 *
 * @param mail           null when the person has no e-mail address on record
 * @param issuingNation  ISO 3166 alpha-2 country of the identity (AT, or the eIDAS country)
 * @param maxLevel       the highest level this person can reach (foreign eIDAS logins may be capped)
 * @param testIdentity   marks an ID Austria test identity (EID-IDENTITY-STATUS-LEVEL)
 * @param mandate        null for people acting only for themselves
 */
public record PvpPersona(
        String id,
        String displayName,
        String description,
        String givenName,
        String familyName,
        String birthDate,
        String baseId,
        String mail,
        String issuingNation,
        LoginLevel maxLevel,
        boolean testIdentity,
        PvpMandate mandate) {

    public boolean hasMandate() {
        return mandate != null;
    }
}
