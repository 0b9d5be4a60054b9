package dev.govid.keycloak.saml1;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.saml.ConfigValues;

/**
 * MOA-ID's {@code Target} (public-sector code, "Bereich") of one StartAuthentication: the sector the person is
 * identified for — the application's configured {@code moa.target}, which overrides the request's as the handbook
 * says, else the request's own — and the value the redirect to the application echoes: the {@code Target} passed in
 * (the handbook's "Parameter, der beim Aufruf von MOA-ID-AUTH übergeben wurde"), or the sector when none was.
 * There is no default sector: a public-sector login without any Target is refused rather than silently put in
 * {@code BF}. Private-sector applications are identified by their register number (wbPK), so Target does not
 * decide their sector.
 *
 * @param sector the sector of the person key; null for a private-sector application
 * @param echoed the redirect's {@code Target}; null to send none
 */
record Saml1Target(String sector, String echoed) {

    /** A public-sector code with an optional sub-sector ({@code BF}, {@code GH}, {@code SA-RE}), as bPK sectors are written. */
    private static final Pattern SECTOR_CODE = Pattern.compile("[A-Z]{1,5}(-[A-Z0-9]{1,5})?");

    /** Why a Target could not be settled; each is MOA-ID 1002 (bad parameter) for the request. */
    enum Problem {
        MALFORMED,
        MISSING
    }

    /** The Target of a request, or the problem with it. Exactly one of the two is present. */
    record Outcome(Optional<Saml1Target> target, Optional<Problem> problem) {}

    static boolean isSectorCode(String value) {
        return value != null && SECTOR_CODE.matcher(value).matches();
    }

    /**
     * @param configured the application's {@code moa.target} as {@link MoaSaml1ClientSettings} read it (no default)
     */
    static Outcome of(Optional<String> configured, boolean privateSector, String requested) {
        String fromRequest = ConfigValues.trimToNull(requested);
        if (fromRequest != null && !SECTOR_CODE.matcher(fromRequest).matches()) {
            return new Outcome(Optional.empty(), Optional.of(Problem.MALFORMED));
        }
        if (privateSector) {
            return new Outcome(Optional.of(new Saml1Target(null, fromRequest)), Optional.empty());
        }
        String sector = configured.orElse(fromRequest);
        if (sector == null) {
            return new Outcome(Optional.empty(), Optional.of(Problem.MISSING));
        }
        return new Outcome(
                Optional.of(new Saml1Target(sector, fromRequest != null ? fromRequest : sector)), Optional.empty());
    }

    /**
     * Whether the login's person key belongs to this sector. A key without a sector (BundID's bPK2) is not an
     * Austrian bPK and is delivered as it is; a bPK of another sector is not what the application asked for.
     */
    static boolean fits(String sector, EidLogin login) {
        EidLogin.PersonKey key = login.personKey();
        return sector == null || key == null || key.sector() == null || sector.equals(key.sector());
    }
}
