package dev.govid.keycloak.digid;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.govid.keycloak.login.EidLogin;
import dev.govid.keycloak.mandate.Mandate;
import dev.govid.keycloak.mandate.MandatorKind;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/** Turns an accepted DigiD answer into the eID-neutral {@link EidLogin}; a Machtigen answer into its {@link Mandate}. */
final class DigidLoginReader {

    static final String MANDATE_SOURCE = "NL-DIGID-MACHTIGEN";
    /** The claim names of the login's attributes. */
    static final String GENERATION = "digid_generation";

    static final String SERVICE_UUID = "service_uuid";

    private DigidLoginReader() {}

    static EidLogin read(
            String alias,
            DigidGeneration generation,
            Bsn acting,
            DigidLevel level,
            Optional<String> serviceUuid,
            Optional<Bsn> represented) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(GENERATION, generation.configValue());
        serviceUuid.ifPresent(uuid -> attributes.put(SERVICE_UUID, uuid));
        Mandate mandate = represented
                .map(bsn -> new Mandate(
                        MANDATE_SOURCE,
                        new Mandate.Mandator(MandatorKind.NATURAL, null, null, null, null, bsn.value(), Bsn.ID_TYPE),
                        serviceUuid.orElse(null),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .orElse(null);
        return new EidLogin(
                KeycloakModelUtils.generateId(),
                alias,
                DigidIdentityProviderFactory.PROVIDER_ID,
                new EidLogin.PersonKey(acting.value(), Bsn.ID_TYPE, null),
                null,
                null,
                null,
                null,
                level.level(),
                null,
                "NL",
                attributes,
                Map.of(),
                false,
                false,
                false,
                mandate);
    }

    static String toJson(EidLogin login) {
        try {
            return JsonSerialization.writeValueAsString(login);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<EidLogin> fromJson(String json) {
        try {
            return Optional.of(JsonSerialization.readValue(json, EidLogin.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
