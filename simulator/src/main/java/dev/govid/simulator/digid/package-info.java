/**
 * The DigiD mode: a DigiD / Stelsel Toegang IdP of either generation (3.x: BSN in the NameID; 4.x: EncryptedID inside
 * ActingSubjectID/LegalSubjectID) answering by HTTP-Artifact, with the ArtifactResolutionService on a mutual-TLS
 * SOAP back channel that refuses callers without a registered client certificate; personas for each level, a
 * gemachtigde acting for a parent, an expired machtiging and cancel; and the faults GovID must refuse.
 */
package dev.govid.simulator.digid;
