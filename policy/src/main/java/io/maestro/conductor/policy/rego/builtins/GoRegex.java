package io.maestro.conductor.policy.rego.builtins;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled RE2 patterns (Go's regexp syntax and semantics) with a bounded cache, and Go's
 * {@code FindAll} rule that an empty match right after the previous match is skipped.
 */
final class GoRegex {
    private static final int CACHE_SIZE = 256;
    private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private GoRegex() {}

    /** Compiles (or reuses) a pattern; a bad pattern is a builtin error with RE2's message. */
    static Pattern compile(String name, String regex) {
        synchronized (CACHE) {
            Pattern p = CACHE.get(regex);
            if (p != null) return p;
        }
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw BuiltinException.failed(name, e.getMessage());
        }
        synchronized (CACHE) {
            CACHE.put(regex, p);
        }
        return p;
    }

    static boolean isValid(String regex) {
        try {
            compile("regex.is_valid", regex);
            return true;
        } catch (BuiltinException e) {
            return false;
        }
    }

    /** Group spans of up to {@code n} successive matches ({@code n < 0}: all), as Go's FindAll*Index. */
    static List<int[]> findAll(Pattern p, String s, int n) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        int prevEnd = -1;
        int from = 0;
        while ((n < 0 || out.size() < n) && from <= s.length() && m.find(from)) {
            int start = m.start();
            int end = m.end();
            if (end == start && start == prevEnd) {
                if (start >= s.length()) break;
                from = start + Character.charCount(s.codePointAt(start));
                continue;
            }
            int[] groups = new int[2 * (m.groupCount() + 1)];
            for (int g = 0; g <= m.groupCount(); g++) {
                groups[2 * g] = m.start(g);
                groups[2 * g + 1] = m.end(g);
            }
            out.add(groups);
            prevEnd = end;
            if (end > start) {
                from = end;
            } else {
                if (start >= s.length()) break;
                from = start + Character.charCount(s.codePointAt(start));
            }
        }
        return out;
    }
}
