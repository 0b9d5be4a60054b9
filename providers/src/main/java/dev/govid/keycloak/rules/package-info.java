/**
 * The per-application rules and the one point where they are enforced. {@link dev.govid.keycloak.rules.ClientRules}
 * judges what a login proved ({@link dev.govid.keycloak.login.EidLogin}) against a client's settings: offered eIDs,
 * the level the client asks for, test identities, representation (off/optional/required, mandate profiles,
 * mandators, validity, private sector, mandate asked for by the protocol). It is asked at three moments: when an
 * eID system answers (the profiles refuse before a user exists), in the single-sign-on step of the flow
 * ({@link dev.govid.keycloak.rules.RuleAwareSsoAuthenticator}: an SSO session that does not satisfy the client sends
 * the person through a fresh login instead), and — on every path whatever the flow, the protocol or
 * {@code prompt=none} — in the required action {@link dev.govid.keycloak.rules.ClientRulesRequiredAction}, which
 * runs before Keycloak gives the client a session and marks the client session as passed.
 */
package dev.govid.keycloak.rules;
