package dev.govid.keycloak.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The relying-party side of Keycloak's authorization-code flow with PKCE (S256), as the demo app and the
 * tests need it. Token signatures are not verified: the tokens come straight from the token endpoint.
 */
public final class OidcClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;

    /** @param clientSecret null for a public client */
    public OidcClient(String realmUrl, String clientId, String clientSecret, String redirectUri) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    public String authorizationEndpoint() {
        return realmUrl + "/protocol/openid-connect/auth";
    }

    public String tokenEndpoint() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    public String endSessionEndpoint() {
        return realmUrl + "/protocol/openid-connect/logout";
    }

    /**
     * A fresh request with random state, nonce and PKCE verifier.
     *
     * @param extraParams e.g. {@code kc_idp_hint}, {@code acr_values}, {@code claims}, {@code ui_locales}, {@code prompt}
     */
    public AuthorizationRequest newAuthorizationRequest(String scope, Map<String, String> extraParams) {
        String state = RandomTokens.urlSafe(16);
        String nonce = RandomTokens.urlSafe(16);
        String codeVerifier = RandomTokens.urlSafe(32);
        String url = authorizationUrl(
                realmUrl, clientId, redirectUri, scope, state, nonce, codeChallenge(codeVerifier), extraParams);
        return new AuthorizationRequest(url, state, nonce, codeVerifier);
    }

    /** The raw URL builder, for tests that want to send odd or missing parameters on purpose. */
    public static String authorizationUrl(
            String realmUrl,
            String clientId,
            String redirectUri,
            String scope,
            String state,
            String nonce,
            String codeChallenge,
            Map<String, String> extraParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("state", state);
        params.put("nonce", nonce);
        if (codeChallenge != null) {
            params.put("code_challenge", codeChallenge);
            params.put("code_challenge_method", "S256");
        }
        params.putAll(extraParams);
        return Urls.withQuery(realmUrl + "/protocol/openid-connect/auth", params);
    }

    public static String codeChallenge(String codeVerifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Redeems an authorization code; confidential clients authenticate with HTTP Basic (client_secret_basic). */
    public TokenResponse exchangeCode(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (clientSecret == null) {
            form.put("client_id", clientId);
        } else {
            // RFC 6749 §2.3.1: id and secret are form-encoded before Base64.
            String credentials = Urls.encode(clientId) + ":" + Urls.encode(clientSecret);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        request.POST(HttpRequest.BodyPublishers.ofString(Urls.formEncode(form)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token request failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return new TokenResponse(Json.parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("token request failed: " + tokenEndpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** RP-initiated logout URL (OIDC RP-Initiated Logout 1.0). */
    public String endSessionUrl(String idTokenHint, String postLogoutRedirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        if (idTokenHint != null) {
            params.put("id_token_hint", idTokenHint);
        }
        if (postLogoutRedirectUri != null) {
            params.put("post_logout_redirect_uri", postLogoutRedirectUri);
        }
        return Urls.withQuery(endSessionEndpoint(), params);
    }

    /** The payload of a JWT, unverified. */
    public static JsonNode decodeJwtClaims(String jwt) {
        if (jwt == null) {
            throw new IllegalArgumentException("no JWT");
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT: " + Json.abbreviate(jwt));
        }
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
