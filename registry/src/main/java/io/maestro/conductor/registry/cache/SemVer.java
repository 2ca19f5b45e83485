package io.maestro.conductor.registry.cache;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic versions (MAJOR.MINOR.PATCH with an optional pre-release), as definitions use them. */
public final class SemVer {

    public static final Pattern PATTERN =
            Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?");

    /** Numeric order on the three numbers; a pre-release sorts before its release. */
    public static final Comparator<String> ORDER = (a, b) -> {
        Matcher x = matcher(a);
        Matcher y = matcher(b);
        for (int group = 1; group <= 3; group++) {
            int c = Long.compare(Long.parseLong(x.group(group)), Long.parseLong(y.group(group)));
            if (c != 0) {
                return c;
            }
        }
        String preA = x.group(4);
        String preB = y.group(4);
        if (preA == null || preB == null) {
            return preA == null ? (preB == null ? 0 : 1) : -1;
        }
        return preA.compareTo(preB);
    };

    private SemVer() {}

    public static boolean isValid(String version) {
        return version != null && PATTERN.matcher(version).matches();
    }

    private static Matcher matcher(String version) {
        Matcher m = PATTERN.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + version);
        }
        return m;
    }
}
