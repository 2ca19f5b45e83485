package io.maestro.conductor.devkit.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local list of library versions a reviewed adapter must not carry, one per line:
 * {@code group:artifact:version reason} (exactly that version) or {@code group:artifact:<version reason} (every
 * version below it); {@code #} starts a comment. Kept in the repository and updated by the security team, so a
 * review needs no network.
 */
public final class KnownBadDependencies {

    /** One entry: a library, a version or an exclusive upper bound, and why it is bad. */
    record Entry(String library, String version, boolean below, String reason) {}

    private final List<Entry> entries;

    private KnownBadDependencies(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The list the dev kit ships ({@code known-bad-dependencies.txt} beside this class), as bytes. */
    public static byte[] builtInList() {
        try (InputStream in = KnownBadDependencies.class.getResourceAsStream("known-bad-dependencies.txt")) {
            if (in == null) {
                throw new IllegalStateException("the dev kit's known-bad-dependencies.txt is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KnownBadDependencies parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 2);
            String[] coordinates = fields[0].split(":");
            if (coordinates.length != 3) {
                throw new IllegalArgumentException("known-bad entry is not group:artifact:version: " + fields[0]);
            }
            boolean below = coordinates[2].startsWith("<");
            entries.add(new Entry(
                    coordinates[0] + ":" + coordinates[1],
                    below ? coordinates[2].substring(1) : coordinates[2],
                    below,
                    fields.length > 1 ? fields[1] : "listed as known-bad"));
        }
        return new KnownBadDependencies(entries);
    }

    /** Why {@code group:artifact:version} is bad, if it is. */
    public Optional<String> reasonFor(String dependency) {
        int last = dependency.lastIndexOf(':');
        String library = dependency.substring(0, last);
        String version = dependency.substring(last + 1);
        return entries.stream()
                .filter(e -> e.library().equals(library))
                .filter(e -> e.below() ? compare(version, e.version()) < 0 : version.equals(e.version()))
                .map(Entry::reason)
                .findFirst();
    }

    /** Numeric parts compared as numbers, others as text; a missing part counts as 0. */
    static int compare(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int byPart = l.matches("\\d{1,9}") && r.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(l), Integer.parseInt(r))
                    : l.compareTo(r);
            if (byPart != 0) {
                return byPart;
            }
        }
        return 0;
    }
}
