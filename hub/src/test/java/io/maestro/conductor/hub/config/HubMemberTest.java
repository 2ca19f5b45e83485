package io.maestro.conductor.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.hub.support.ListeningSockets;
import io.maestro.conductor.hub.support.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub's Hazelcast member: listens on its bind address only, lets in no client, and joins only the members its
 * config names that hold the same cluster secret.
 */
class HubMemberTest {

    private final String clusterName = "member-test-" + UUID.randomUUID();
    private final List<HazelcastInstance> started = new ArrayList<>();

    @TempDir
    Path hubDir;

    @TempDir
    Path otherDir;

    @AfterEach
    void stopMembers() {
        started.forEach(HazelcastInstance::shutdown);
    }

    private HazelcastInstance member(Path dataDir, int port, String... members) {
        HazelcastProperties properties =
                new HazelcastProperties(clusterName, null, "127.0.0.1", port, false, List.of(members));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(
                HubMember.config(properties, ClusterSecret.fromSettingOrDataDir(null, dataDir)));
        started.add(member);
        return member;
    }

    /** A hub on {@code port} naming only itself, holding one tenant entry. */
    private HazelcastInstance hubWithATenant(int port) {
        HazelcastInstance hub = member(hubDir, port, "127.0.0.1");
        hub.getMap("conductor.tenants").put("atlas", "Atlas");
        return hub;
    }

    @Test
    void aMemberWithoutTheClusterSecretCannotJoinOrReadTheMaps() throws IOException {
        int hubPort = LoopbackPorts.free();
        HazelcastInstance hub = hubWithATenant(hubPort);

        HazelcastInstance stranger = member(otherDir, LoopbackPorts.free(), "127.0.0.1:" + hubPort);

        assertThat(hub.getCluster().getMembers()).hasSize(1);
        assertThat(stranger.getCluster().getMembers()).hasSize(1);
        assertThat(stranger.getMap("conductor.tenants").get("atlas")).isNull();
        Path secret = hubDir.resolve(ClusterSecret.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(secret)).isNotEqualTo(Files.readString(otherDir.resolve(ClusterSecret.FILE_NAME)));
    }

    @Test
    void aMemberWithTheSecretJoinsWhenNamedAndNoClientGetsInEvenWithTheClusterName() throws IOException {
        int hubPort = LoopbackPorts.free();
        HazelcastInstance hub = hubWithATenant(hubPort);

        HazelcastInstance peer = member(hubDir, LoopbackPorts.free(), "127.0.0.1:" + hubPort);
        assertThat(hub.getCluster().getMembers()).hasSize(2);
        assertThat(peer.getMap("conductor.tenants").get("atlas")).isEqualTo("Atlas");

        for (String name : List.of(clusterName, hub.getConfig().getClusterName())) {
            ClientConfig client = new ClientConfig();
            client.setClusterName(name);
            client.getNetworkConfig().addAddress("127.0.0.1:" + hubPort);
            client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(2000);
            assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
                    .as("client with cluster name %s", name.equals(clusterName) ? "as configured" : "with the secret")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aMemberNotNamedInTheConfigIsNeverJoinedEvenOnTheNextPort() throws IOException {
        int hubPort = LoopbackPorts.free();
        int nextPort = hubPort + 1;
        HazelcastInstance neighbour = member(hubDir, nextPort, "127.0.0.1:" + nextPort);

        HazelcastInstance hub = member(hubDir, hubPort, "127.0.0.1");

        assertThat(hub.getCluster().getMembers()).hasSize(1);
        assertThat(neighbour.getCluster().getMembers()).hasSize(1);
        assertThat(HubMember.exactMembers(List.of("127.0.0.1", " 10.0.0.7:5702"), 5701))
                .containsExactly("127.0.0.1:5701", "10.0.0.7:5702");
    }

    @Test
    void theMemberListensOnItsBindAddressOnly() throws IOException {
        int hubPort = LoopbackPorts.free();
        member(hubDir, hubPort, "127.0.0.1");

        assertThat(ListeningSockets.addressesListeningOn(hubPort))
                .isNotEmpty()
                .allSatisfy(address -> assertThat(address.isLoopbackAddress())
                        .as(address.toString())
                        .isTrue());
    }

    @Test
    void aConfiguredSecretMustBeLongEnough() {
        assertThatThrownBy(() -> ClusterSecret.fromSettingOrDataDir("short-secret", hubDir))
                .hasMessageContaining("conductor.hazelcast.secret")
                .hasMessageNotContaining("short-secret");
        String configured = "x".repeat(ClusterSecret.MIN_LENGTH);
        assertThat(ClusterSecret.fromSettingOrDataDir(configured, hubDir).clusterName("c"))
                .isEqualTo(
                        ClusterSecret.fromSettingOrDataDir(configured, otherDir).clusterName("c"))
                .doesNotContain(configured);
        assertThat(hubDir.resolve(ClusterSecret.FILE_NAME)).doesNotExist();
    }
}
