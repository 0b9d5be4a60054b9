package dev.govid.keycloak.saml1;

import java.time.Instant;

/**
 * The "Anmeldedaten" of one SAML1 login, kept from the end of the login until the online application fetches
 * them with the artifact: the input of the assertion, which is built and signed at the end of the login
 * (what this client may see is decided by {@link Saml1ClientFlags} then) and kept with the artifact.
 *
 * @param issuer                the realm URL, the assertion's {@code Issuer}
 * @param clientId              Keycloak client id of the online application
 * @param oaUrl                 the {@code OA} URL the browser was sent back to
 * @param target                the sector: public-sector code ({@code BF}) or private-sector register number
 * @param privateSector         whether the application is a private-sector ("privatwirtschaftliche") one
 * @param bpk                   the person's bPK or wbPK value (without sector prefix)
 * @param bpkType               {@code urn:publicid:gv.at:cdid+BF} or {@code urn:publicid:gv.at:wbpk+FN+468924i}
 * @param birthdate             {@code yyyy-MM-dd} as delivered
 * @param baseId                Stammzahl; only ever sent to public-sector applications
 * @param identityLink          base64 identity link (Personenbindung)
 * @param authBlock             base64 AuthBlock
 * @param signerCertificate     base64 DER certificate used for the login
 * @param qualifiedCertificate  whether that certificate is qualified
 * @param bkuUrl                citizen-card environment / E-ID URL used, if known
 * @param issuingNation         ISO 3166 alpha-2 code of the issuing nation, if known
 * @param authenticationInstant when the person authenticated
 * @param levelOfAssurance      STORK QAA level name, e.g. {@code http://www.stork.gov.eu/1.0/citizenQAALevel/4}
 * @param mandate               set for logins on behalf of someone else
 */
public record AuthenticationData(
        String issuer,
        String clientId,
        String oaUrl,
        String target,
        boolean privateSector,
        String bpk,
        String bpkType,
        String givenName,
        String familyName,
        String birthdate,
        String baseId,
        String identityLink,
        String authBlock,
        String signerCertificate,
        boolean qualifiedCertificate,
        String bkuUrl,
        String issuingNation,
        Instant authenticationInstant,
        String levelOfAssurance,
        MandateData mandate) {

    public AuthenticationData {
        requireText(issuer, "issuer");
        requireText(clientId, "clientId");
        requireText(bpk, "bpk");
        requireText(bpkType, "bpkType");
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isMandateLogin() {
        return mandate != null;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /**
     * The mandate of a representation login: who is represented (a natural person with names, birthdate and
     * bPK, or a legal person with name and source PIN), the representation type, an optional professional
     * representative, and the full mandate document if the mandate service delivered one.
     *
     * @param representationType     MANDATE-TYPE, sent as {@code RepresentationType}
     * @param mandatorBpkType        type of {@code mandatorBpk}; null means the login's own bPK type (same sector)
     * @param mandatorSourcePinType  e.g. {@code urn:publicid:gv.at:baseid+XFN}
     * @param fullMandate            base64 of the delivered {@code md:Mandate} XML
     */
    public record MandateData(
            String representationType,
            String mandatorGivenName,
            String mandatorFamilyName,
            String mandatorBirthdate,
            String mandatorBpk,
            String mandatorBpkType,
            String mandatorLegalName,
            String mandatorSourcePin,
            String mandatorSourcePinType,
            String professionalRepresentativeOid,
            String professionalRepresentativeDescription,
            String referenceValue,
            String fullMandate) {

        public static MandateData naturalPerson(
                String representationType,
                String givenName,
                String familyName,
                String birthdate,
                String bpk,
                String bpkType) {
            return new MandateData(
                    representationType,
                    givenName,
                    familyName,
                    birthdate,
                    bpk,
                    bpkType,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        public static MandateData legalPerson(
                String representationType, String fullName, String sourcePin, String sourcePinType) {
            return new MandateData(
                    representationType,
                    null,
                    null,
                    null,
                    null,
                    null,
                    fullName,
                    sourcePin,
                    sourcePinType,
                    null,
                    null,
                    null,
                    null);
        }

        public MandateData withProfessionalRepresentative(String oid, String description) {
            return new MandateData(
                    representationType,
                    mandatorGivenName,
                    mandatorFamilyName,
                    mandatorBirthdate,
                    mandatorBpk,
                    mandatorBpkType,
                    mandatorLegalName,
                    mandatorSourcePin,
                    mandatorSourcePinType,
                    oid,
                    description,
                    referenceValue,
                    fullMandate);
        }

        public MandateData withReferenceValue(String value) {
            return new MandateData(
                    representationType,
                    mandatorGivenName,
                    mandatorFamilyName,
                    mandatorBirthdate,
                    mandatorBpk,
                    mandatorBpkType,
                    mandatorLegalName,
                    mandatorSourcePin,
                    mandatorSourcePinType,
                    professionalRepresentativeOid,
                    professionalRepresentativeDescription,
                    value,
                    fullMandate);
        }

        public MandateData withFullMandate(String base64MandateXml) {
            return new MandateData(
                    representationType,
                    mandatorGivenName,
                    mandatorFamilyName,
                    mandatorBirthdate,
                    mandatorBpk,
                    mandatorBpkType,
                    mandatorLegalName,
                    mandatorSourcePin,
                    mandatorSourcePinType,
                    professionalRepresentativeOid,
                    professionalRepresentativeDescription,
                    referenceValue,
                    base64MandateXml);
        }

        /** A legal person is represented when it has a name or source PIN of its own. */
        public boolean isLegalMandator() {
            return mandatorLegalName != null || mandatorSourcePin != null;
        }
    }

    /** Fluent construction: twenty positional arguments invite swapped names. */
    public static final class Builder {
        private String issuer;
        private String clientId;
        private String oaUrl;
        private String target;
        private boolean privateSector;
        private String bpk;
        private String bpkType;
        private String givenName;
        private String familyName;
        private String birthdate;
        private String baseId;
        private String identityLink;
        private String authBlock;
        private String signerCertificate;
        private boolean qualifiedCertificate;
        private String bkuUrl;
        private String issuingNation;
        private Instant authenticationInstant;
        private String levelOfAssurance;
        private MandateData mandate;

        private Builder() {}

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder clientId(String value) {
            clientId = value;
            return this;
        }

        public Builder oaUrl(String value) {
            oaUrl = value;
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder privateSector(boolean value) {
            privateSector = value;
            return this;
        }

        public Builder bpk(String value, String type) {
            bpk = value;
            bpkType = type;
            return this;
        }

        public Builder givenName(String value) {
            givenName = value;
            return this;
        }

        public Builder familyName(String value) {
            familyName = value;
            return this;
        }

        public Builder birthdate(String value) {
            birthdate = value;
            return this;
        }

        public Builder baseId(String value) {
            baseId = value;
            return this;
        }

        public Builder identityLink(String value) {
            identityLink = value;
            return this;
        }

        public Builder authBlock(String value) {
            authBlock = value;
            return this;
        }

        public Builder signerCertificate(String value) {
            signerCertificate = value;
            return this;
        }

        public Builder qualifiedCertificate(boolean value) {
            qualifiedCertificate = value;
            return this;
        }

        public Builder bkuUrl(String value) {
            bkuUrl = value;
            return this;
        }

        public Builder issuingNation(String value) {
            issuingNation = value;
            return this;
        }

        public Builder authenticationInstant(Instant value) {
            authenticationInstant = value;
            return this;
        }

        public Builder levelOfAssurance(String value) {
            levelOfAssurance = value;
            return this;
        }

        public Builder mandate(MandateData value) {
            mandate = value;
            return this;
        }

        public AuthenticationData build() {
            return new AuthenticationData(
                    issuer,
                    clientId,
                    oaUrl,
                    target,
                    privateSector,
                    bpk,
                    bpkType,
                    givenName,
                    familyName,
                    birthdate,
                    baseId,
                    identityLink,
                    authBlock,
                    signerCertificate,
                    qualifiedCertificate,
                    bkuUrl,
                    issuingNation,
                    authenticationInstant,
                    levelOfAssurance,
                    mandate);
        }
    }
}
