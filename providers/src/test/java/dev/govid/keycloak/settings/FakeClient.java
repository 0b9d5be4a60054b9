package dev.govid.keycloak.settings;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.ClientModel;

/** A client with only a client id, a protocol and attributes, for the settings readers. */
public final class FakeClient {

    private FakeClient() {}

    public static ClientModel of(Map<String, String> attributes) {
        return of("app", null, attributes);
    }

    public static ClientModel of(String clientId, String protocol, Map<String, String> attributes) {
        Map<String, String> copy = new HashMap<>(attributes);
        return (ClientModel) Proxy.newProxyInstance(
                FakeClient.class.getClassLoader(),
                new Class<?>[] {ClientModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> copy.get((String) args[0]);
                    case "getAttributes" -> copy;
                    case "getClientId" -> clientId;
                    case "getProtocol" -> protocol;
                    case "toString" -> "FakeClient(" + clientId + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
