package io.maestro.conductor.registry.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A small secret file (a keyset, a password) written once, readable by its owner only, that several processes
 * starting on the same data directory agree on. The content is written to a temporary file first and published
 * with a hard link, which fails if the file exists: a reader never sees a half-written file, and of two processes
 * creating it at the same moment exactly one wins and the other reads the winner's content.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    /**
     * The file's content: what is there already, or {@code content} written now.
     *
     * @return the content the file holds after this call (the caller's only if it created the file)
     */
    public static String readOrCreate(Path file, Supplier<String> content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createOwnerOnlyDirectories(dir);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        String created = content.get();
        Path staged = stage(dir, file.getFileName().toString());
        try {
            Files.writeString(staged, created, StandardCharsets.UTF_8);
            publish(staged, file);
            return created;
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Directories this creates are its owner's only, like the file (existing ones are left as they are). */
    private static void createOwnerOnlyDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        }
    }

    private static Path stage(Path dir, String name) throws IOException {
        try {
            FileAttribute<?> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(dir, "." + name + "-", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, "." + name + "-", ".tmp");
        }
    }

    private static void publish(Path staged, Path file) throws IOException {
        try {
            Files.createLink(file, staged);
        } catch (FileAlreadyExistsException raced) {
            throw raced;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            // A file system without hard links: a move that refuses an existing target (not atomic everywhere).
            Files.move(staged, file);
        }
    }
}
