package io.maestro.conductor.hub.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The staging folder of evidence uploads: each upload's files are streamed here (hashed on the way) before anything
 * is written to storage, so the bundle's manifest is known before its first object, a failed or interrupted upload
 * can be retried, and no file is ever held whole in memory. Staged files are named by their position, never by a
 * name from the request. Owner-only, like the rest of the data dir.
 */
public class EvidenceSpool {

    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f-]{36}");

    private final Path root;

    public EvidenceSpool(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence staging folder " + root, e);
        }
    }

    /** A new, empty staging folder; its name is the upload id. */
    public String create() {
        String uploadId = UUID.randomUUID().toString();
        try {
            Files.createDirectory(root.resolve(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder", e);
        }
        return uploadId;
    }

    /** Streams {@code content} to file {@code index} of the upload, computing its SHA-256 and size on the way. */
    public Staged write(String uploadId, int index, InputStream content) throws IOException {
        Path target = file(uploadId, index);
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
            size = content.transferTo(out);
        }
        return new Staged(target, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Hashes a staged file again (a retry checks that what it is about to store is what was received). */
    public Staged reread(String uploadId, int index) {
        Path staged = file(uploadId, index);
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(staged);
                OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            return new Staged(staged, in.transferTo(out), HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String uploadId) {
        return uploadId != null && UPLOAD_ID.matcher(uploadId).matches() && Files.isDirectory(root.resolve(uploadId));
    }

    /** The upload ids of every staging folder here. */
    public List<String> uploads() {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.map(folder -> folder.getFileName().toString())
                    .filter(name -> UPLOAD_ID.matcher(name).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the evidence staging folder", e);
        }
    }

    /** Removes the upload's staging folder; nothing happens when it is already gone. */
    public void delete(String uploadId) {
        if (!exists(uploadId)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root.resolve(uploadId))) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove staging folder " + uploadId, e);
        }
    }

    private Path file(String uploadId, int index) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new IllegalArgumentException("not an upload id");
        }
        return root.resolve(uploadId).resolve(Integer.toString(index));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A staged file: where it is, how long, its SHA-256 (hex). */
    public record Staged(Path path, long size, String sha256) {}
}
