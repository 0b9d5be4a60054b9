/**
 * GovID's per-application settings in Keycloak's stock admin console: the <em>GovID settings</em> mapper type (one
 * per protocol) whose form the console renders from typed config properties — switches, drop-downs, lists, with
 * help texts from the admin message bundle — in a client scope shared by many clients or in one client's dedicated
 * scope. The mapper adds nothing to tokens; {@link dev.govid.keycloak.settings.ClientSettingsSources} reads it. Also
 * the start-up line that tells admins which clients still carry legacy {@code govid.*}/{@code moa.*} attributes.
 * Why mappers and not client policies or the declarative UI tab: {@code docs/architecture.md}.
 */
package dev.govid.keycloak.console;
