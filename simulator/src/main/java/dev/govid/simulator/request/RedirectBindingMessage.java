package dev.govid.simulator.request;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A SAML message received over the HTTP-Redirect binding. The signature covers the URL-encoded values
 * exactly as received (SAML bindings §3.4.4.1), so the raw query is kept rather than re-encoded.
 */
public final class RedirectBindingMessage {
    private static final int MAX_INFLATED_BYTES = 1024 * 1024;

    private final byte[] samlRequestXml;
    private final String relayState;
    private final String sigAlg;
    private final byte[] signature;
    private final byte[] signedOctets;

    private RedirectBindingMessage(
            byte[] samlRequestXml, String relayState, String sigAlg, byte[] signature, byte[] signedOctets) {
        this.samlRequestXml = samlRequestXml;
        this.relayState = relayState;
        this.sigAlg = sigAlg;
        this.signature = signature;
        this.signedOctets = signedOctets;
    }

    public static RedirectBindingMessage parse(String rawQuery) {
        String rawRequest = null;
        String rawRelay = null;
        String rawSigAlg = null;
        String rawSignature = null;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            switch (name) {
                case "SAMLRequest" -> rawRequest = value;
                case "RelayState" -> rawRelay = value;
                case "SigAlg" -> rawSigAlg = value;
                case "Signature" -> rawSignature = value;
                default -> {}
            }
        }
        if (rawRequest == null || rawRequest.isEmpty()) {
            throw new RequestRejectedException("invalid-request", "SAMLRequest parameter missing");
        }
        StringBuilder signed = new StringBuilder("SAMLRequest=").append(rawRequest);
        if (rawRelay != null) {
            signed.append("&RelayState=").append(rawRelay);
        }
        if (rawSigAlg != null) {
            signed.append("&SigAlg=").append(rawSigAlg);
        }
        byte[] xml = inflate(base64(decode(rawRequest)));
        byte[] sig = rawSignature == null ? null : base64(decode(rawSignature));
        return new RedirectBindingMessage(
                xml,
                rawRelay == null ? null : decode(rawRelay),
                rawSigAlg == null ? null : decode(rawSigAlg),
                sig,
                signed.toString().getBytes(StandardCharsets.UTF_8));
    }

    public byte[] samlRequestXml() {
        return samlRequestXml.clone();
    }

    public String relayState() {
        return relayState;
    }

    public SignatureCheck verify(List<X509Certificate> signingCertificates) {
        if (signature == null || sigAlg == null) {
            return SignatureCheck.MISSING;
        }
        for (X509Certificate cert : signingCertificates) {
            try {
                if (verifyWith(cert.getPublicKey())) {
                    return SignatureCheck.VALID;
                }
            } catch (Exception e) {
                // wrong key type or unsupported algorithm: try the next key, then report INVALID
            }
        }
        return SignatureCheck.INVALID;
    }

    private boolean verifyWith(PublicKey key) throws Exception {
        Signature verifier = newVerifier(sigAlg);
        verifier.initVerify(key);
        verifier.update(signedOctets);
        return verifier.verify(signature);
    }

    private static Signature newVerifier(String sigAlg) throws Exception {
        switch (sigAlg) {
            case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256":
                return Signature.getInstance("SHA256withRSA");
            case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512":
                return Signature.getInstance("SHA512withRSA");
            case "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1": {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                return pss;
            }
            default:
                throw new IllegalArgumentException("unsupported SigAlg " + sigAlg);
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException("invalid-request", "bad base64 in redirect binding");
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new RequestRejectedException("invalid-request", "SAMLRequest inflates too large");
                }
            }
            if (out.size() == 0) {
                throw new RequestRejectedException("invalid-request", "SAMLRequest is not DEFLATE data");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new RequestRejectedException("invalid-request", "SAMLRequest is not DEFLATE data");
        } finally {
            inflater.end();
        }
    }
}
