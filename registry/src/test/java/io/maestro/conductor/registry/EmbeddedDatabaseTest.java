package io.maestro.conductor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database's generated password, and a database from before passwords getting it. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void theGeneratedPasswordIsKeptOwnerOnlyAndReused() throws Exception {
        String password = EmbeddedDatabase.password(dataDir);

        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(EmbeddedDatabase.password(dataDir)).isEqualTo(password);
        assertThat(EmbeddedDatabase.keptPassword(dataDir)).contains(password);
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDatabaseWithoutAPasswordGetsTheKeptOneAndKeepsItsRows() {
        String url = EmbeddedDatabase.jdbcUrl(dataDir);
        new JdbcTemplate(EmbeddedDatabase.unpooled(url, ""))
                .execute("CREATE TABLE marker (id INT); INSERT INTO marker VALUES (7)");
        String password = EmbeddedDatabase.password(dataDir);

        EmbeddedDatabase.protectUnprotected(url, password);
        EmbeddedDatabase.protectUnprotected(url, password);

        assertThat(new JdbcTemplate(EmbeddedDatabase.unpooled(url, password))
                        .queryForObject("SELECT id FROM marker", Integer.class))
                .isEqualTo(7);
        assertThatThrownBy(() -> new JdbcTemplate(EmbeddedDatabase.unpooled(url, "")).execute("SELECT 1"))
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause()
                .satisfies(
                        e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
    }

    @Test
    void noDatabaseYetIsLeftForH2ToCreateWithThePassword() {
        String url = EmbeddedDatabase.jdbcUrl(dataDir);
        EmbeddedDatabase.protectUnprotected(url, "not-created-here");

        assertThat(dataDir.resolve(EmbeddedDatabase.FILE_NAME + ".mv.db")).doesNotExist();
    }
}
