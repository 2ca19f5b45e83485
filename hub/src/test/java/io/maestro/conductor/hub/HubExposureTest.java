package io.maestro.conductor.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.hub.config.ClusterSecret;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.hub.support.ListeningSockets;
import io.maestro.conductor.registry.EmbeddedDatabase;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the embedded default exposes on the network and the file system, checked on a real start: ports on loopback
 * only (as the kernel sees the sockets), an owner-only data dir, a database that needs its generated password, and a
 * console that names where the operator password is kept but never prints it, nor the cluster secret or the database
 * password. (The hub loads H2 first here: a test that opened H2 before would decide its bind address.)
 */
@ExtendWith(OutputCaptureExtension.class)
class HubExposureTest {

    @TempDir
    Path dataDir;

    @Test
    void portsListenOnLoopbackOnlyTheDataDirIsOwnerOnlyAndTheConsoleKeepsEverySecret(CapturedOutput output)
            throws Exception {
        // As `mkdir data` would leave it: the hub must close it itself.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> properties = new HashMap<>(HubProperties.embeddedDefault(dataDir));
        properties.put("server.port", "0");

        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(ConductorHubApplication.class)
                .run(HubProperties.asArguments(properties))) {
            HazelcastInstance member = hub.getBean(HazelcastInstance.class);
            int hazelcastPort =
                    member.getCluster().getLocalMember().getAddress().getPort();
            assertListensOnLoopbackOnly(hazelcastPort);
            assertListensOnLoopbackOnly(autoServerPort());

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwx------");
            List<Path> entries;
            try (Stream<Path> listed = Files.list(dataDir)) {
                entries = listed.toList();
            }
            assertThat(entries)
                    .extracting(entry -> entry.getFileName().toString())
                    .contains(
                            "operator-password",
                            "master-keyset.json",
                            ClusterSecret.FILE_NAME,
                            EmbeddedDatabase.PASSWORD_FILE,
                            "conductor.mv.db");
            for (Path entry : entries) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
                        .as(entry.toString())
                        .isIn("rw-------", "rwx------");
            }

            String databasePassword = Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE))
                    .strip();
            assertThat(databasePassword).hasSizeGreaterThanOrEqualTo(32);
            // (after the permission check: H2 writes a trace file for the refused login)
            assertThatThrownBy(() -> connect("").close())
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
            connect(databasePassword).close();

            String operatorPassword =
                    Files.readString(dataDir.resolve("operator-password")).strip();
            assertThat(output.getOut()).contains("password generated into " + dataDir.resolve("operator-password"));
            String console = output.getAll();
            assertThat(console)
                    .doesNotContain(operatorPassword)
                    .doesNotContain(databasePassword)
                    .doesNotContain(Files.readString(dataDir.resolve(ClusterSecret.FILE_NAME))
                            .strip())
                    .doesNotContain(member.getConfig().getClusterName());
        }
    }

    private static void assertListensOnLoopbackOnly(int port) {
        assertThat(ListeningSockets.addressesListeningOn(port))
                .as("port %d", port)
                .isNotEmpty()
                .allSatisfy(address -> assertThat(address.isLoopbackAddress())
                        .as("port %d on %s", port, address)
                        .isTrue());
    }

    /** H2 writes the AUTO_SERVER address into the lock file, as {@code server=host:port}. */
    private int autoServerPort() throws IOException {
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve(EmbeddedDatabase.FILE_NAME + ".lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private Connection connect(String password) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(EmbeddedDatabase.jdbcUrl(dataDir));
        h2.setUser(EmbeddedDatabase.H2_USER);
        h2.setPassword(password);
        return h2.getConnection();
    }
}
