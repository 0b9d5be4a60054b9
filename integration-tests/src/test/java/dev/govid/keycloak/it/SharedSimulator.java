package dev.govid.keycloak.it;

import dev.govid.simulator.Simulator;
import dev.govid.simulator.SimulatorConfig;

/**
 * The BundID simulator, in-process, on the port the imported demo realm expects. In-process so tests can
 * trust the SP metadata of realms they create and read what the simulator last sent.
 */
public final class SharedSimulator {

    private static Simulator simulator;

    private SharedSimulator() {}

    public static synchronized Simulator get() {
        if (simulator == null) {
            String demoRealm = SharedKeycloak.get().realmUrl(SharedKeycloak.DEMO_REALM);
            simulator = Simulator.start(SimulatorConfig.builder()
                    .host("127.0.0.1")
                    .port(SharedKeycloak.simulatorPort())
                    .baseUrl(SharedKeycloak.simulatorUrl())
                    .spMetadata(demoRealm + "/broker/bundid/endpoint/descriptor")
                    .spMetadata(demoRealm + "/broker/idaustria/endpoint/descriptor")
                    .build());
            // DigiD's ArtifactResolutionService: https, only Keycloak's registered client certificate gets in.
            simulator.startDigidBackChannel(
                    dev.govid.keycloak.harness.Ports.free(),
                    SharedKeycloak.tls().serverContextTrusting(SharedKeycloak.DIGID_TLS_CLIENT));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-stop"));
        }
        return simulator;
    }
}
