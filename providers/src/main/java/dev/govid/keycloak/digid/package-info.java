/**
 * The DigiD identity provider type ({@code govid-digid}): a narrow subclass of Keycloak's SAML broker (through
 * GovID's shared eID base, {@link dev.govid.keycloak.saml.EidIdentityProvider}) that presets
 * and enforces the DigiD SAML profile of either generation (3.x, or 4.x / Stelsel Toegang): signed AuthnRequests,
 * the answer by HTTP-Artifact resolved once by a signed ArtifactResolve over a mutual-TLS SOAP back channel, the BSN
 * as the person key (3.x {@code s00000000:<BSN>} NameID, 4.x EncryptedID inside ActingSubjectID/LegalSubjectID),
 * both level vocabularies, DigiD Machtigen as a {@link dev.govid.keycloak.mandate.Mandate}, the DigiD status codes as
 * clear pages, and SP metadata and onboarding values as Logius asks for them.
 */
package dev.govid.keycloak.digid;
