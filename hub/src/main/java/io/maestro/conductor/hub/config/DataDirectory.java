package io.maestro.conductor.hub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data dir holds the database, the master keyset, the cluster secret and the operator and database passwords,
 * so it and everything directly in it is its owner's only: {@code rwx------} for directories, {@code rw-------} for
 * files. Symbolic links are left alone (changing one would change its target's permissions).
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private DataDirectory() {}

    /** Creates the dir when missing and makes it and its direct entries owner-only. */
    public static void secure(Path dir) {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir);
            List<Path> entries;
            try (Stream<Path> listed = Files.list(dir)) {
                entries = listed.filter(entry -> !Files.isSymbolicLink(entry)).toList();
            }
            for (Path entry : entries) {
                ownerOnly(entry);
            }
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("event=data_dir_permissions_unsupported path={} reason=\"not a POSIX file system\"", dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data dir " + dir + " owner-only", e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
    }
}
