/**
 * The revision log and login statistics in MOA-ID's shape: typed events with MOA-ID's event codes
 * ({@link dev.govid.keycloak.revisionlog.EventCode}), reported by our packages through {@link dev.govid.keycloak.revisionlog.RevisionLog}
 * and by Keycloak's own events through {@link dev.govid.keycloak.revisionlog.RevisionLogEventListener}; stored durably
 * in Keycloak's database in the login's own transaction, hash-chained per realm and Keycloak process
 * ({@link dev.govid.keycloak.revisionlog.ChainWriter}), copied to a plain-text log category, and served to realm admins
 * ({@link dev.govid.keycloak.revisionlog.RevisionLogAdminResource}). Person data only ever appears pseudonymised.
 */
package dev.govid.keycloak.revisionlog;
