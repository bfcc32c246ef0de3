package dev.orion.opcua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator;

/**
 * A real OPC UA server (Eclipse Milo) in the test JVM, on loopback, exposing a {@link SimulatedDevice}'s
 * variables under {@code ns=2;s=Device}. Stopping it drops every client connection; a new server on the same
 * port exposing the same device stands for the device's PC coming back.
 */
final class LabDeviceServer implements AutoCloseable {

    static final String NAMESPACE = "urn:dev.orion:test:lab";
    private final OpcUaServer server;

    private LabDeviceServer(OpcUaServer server) {
        this.server = server;
    }

    static LabDeviceServer start(int port, SimulatedDevice device) {
        try {
            Path pki = Files.createTempDirectory("orion-opcua-pki");
            DefaultTrustListManager trust = new DefaultTrustListManager(pki.toFile());
            EndpointConfiguration endpoint = EndpointConfiguration.newBuilder().setBindAddress("127.0.0.1").setHostname("127.0.0.1")
                    .setBindPort(port).setPath("/lab").setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build();
            OpcUaServerConfig config = OpcUaServerConfig.builder().setApplicationUri("urn:dev.orion:test:lab-device")
                    .setApplicationName(LocalizedText.english("ORION test lab device")).setProductUri("urn:dev.orion:test")
                    .setEndpoints(Set.of(endpoint)).setCertificateManager(new DefaultCertificateManager())
                    .setTrustListManager(trust).setCertificateValidator(new DefaultServerCertificateValidator(trust))
                    .setIdentityValidator(AnonymousIdentityValidator.INSTANCE).build();
            OpcUaServer server = new OpcUaServer(config);
            new DeviceNamespace(server, device).startup();
            server.startup().get(30, TimeUnit.SECONDS);
            return new LabDeviceServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("starting the OPC UA server failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String url(int port) {
        return "opc.tcp://127.0.0.1:" + port + "/lab";
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("stopping the OPC UA server failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The device's variables; reads and writes go to the {@link SimulatedDevice}. */
    private static final class DeviceNamespace extends ManagedNamespaceWithLifecycle {

        private final SimulatedDevice device;

        DeviceNamespace(OpcUaServer server, SimulatedDevice device) {
            super(server, NAMESPACE);
            this.device = device;
            getLifecycleManager().addStartupTask(this::createNodes);
        }

        private void createNodes() {
            for (String name : List.of("RequestId", "Parameters", "Command", "ActiveRequest", "State", "Result", "Error")) {
                boolean writable = List.of("RequestId", "Parameters", "Command").contains(name);
                NodeId type = name.equals("Result") ? Identifiers.Double : Identifiers.String;
                UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                        .setNodeId(newNodeId("Device/" + name)).setBrowseName(newQualifiedName(name))
                        .setDisplayName(LocalizedText.english(name)).setDataType(type)
                        .setValueRank(name.equals("Parameters") ? 1 : -1)
                        .setAccessLevel(writable ? Set.of(AccessLevel.CurrentRead, AccessLevel.CurrentWrite) : Set.of(AccessLevel.CurrentRead))
                        .setUserAccessLevel(writable ? Set.of(AccessLevel.CurrentRead, AccessLevel.CurrentWrite) : Set.of(AccessLevel.CurrentRead))
                        .setValue(new DataValue(Variant.NULL_VALUE)).build();
                node.getFilterChain().addLast(
                        AttributeFilters.getValue(ctx -> new DataValue(new Variant(device.read(name)))),
                        AttributeFilters.setValue((ctx, value) -> device.write(name, value.getValue().getValue())));
                getNodeManager().addNode(node);
            }
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
        }
    }
}
