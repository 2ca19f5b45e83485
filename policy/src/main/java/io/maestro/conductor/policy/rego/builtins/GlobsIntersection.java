package io.maestro.conductor.policy.rego.builtins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Whether two "glob-like" regular expressions, in the syntax OPA's {@code regex.globs_match} reads,
 * have a non-empty intersection. A glob is a sequence of tokens: a literal character, {@code .} (any
 * character) or a {@code [...]} set of characters and {@code a-z} ranges, each optionally followed by
 * one flag, {@code +} (one or more) or {@code *} (zero or more); {@code \} escapes the next character
 * anywhere. Anything else ({@code ]} outside a set, a flag with no token before it, a dangling escape,
 * an unclosed set, a malformed range) is invalid input.
 *
 * <p>The check walks both token sequences at once: a state is a pair of positions, a step consumes one
 * character that both current tokens accept (their character sets overlap), and a starred or plussed
 * token may repeat or be left behind. The intersection holds a non-empty string exactly when the end
 * of both globs is reachable from their start after at least one step; two empty globs also intersect
 * (both are the empty string), as OPA answers.
 */
final class GlobsIntersection {
    private static final int NONE = 0;
    private static final int PLUS = 1;
    private static final int STAR = 2;

    /** One token: a character class (a single code point, any, or a set) with its repetition flag. */
    private static final class Token {
        final boolean any;
        final int[] ranges; // inclusive [lo, hi] pairs, flattened; null when any
        int flag = NONE;

        Token(boolean any, int[] ranges) {
            this.any = any;
            this.ranges = ranges;
        }

        boolean overlaps(Token o) {
            if (any) return o.any || o.ranges.length > 0;
            if (o.any) return ranges.length > 0;
            for (int i = 0; i < ranges.length; i += 2) {
                for (int j = 0; j < o.ranges.length; j += 2) {
                    if (ranges[i] <= o.ranges[j + 1] && o.ranges[j] <= ranges[i + 1]) return true;
                }
            }
            return false;
        }
    }

    /** Thrown for a glob the syntax does not allow; the caller turns it into a builtin error. */
    static final class InvalidGlob extends RuntimeException {
        InvalidGlob(int pos, String why) {
            super("pos:" + pos + ":" + why + ": the input provided is invalid");
        }
    }

    private GlobsIntersection() {}

    static boolean nonEmpty(String glob1, String glob2) {
        List<Token> a = expand(tokenize(glob1));
        List<Token> b = expand(tokenize(glob2));
        if (a.isEmpty() && b.isEmpty()) return true;
        return reachable(a, b);
    }

    /** {@code t+} is {@code t t*}: afterwards every token is either exact or starred. */
    private static List<Token> expand(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.flag == PLUS) {
                Token once = new Token(t.any, t.ranges);
                Token more = new Token(t.any, t.ranges);
                more.flag = STAR;
                out.add(once);
                out.add(more);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Breadth-first search over states (i, j, consumed): positions in both globs and whether a character
     * has been consumed yet. Starred tokens may be skipped without consuming (epsilon moves).
     */
    private static boolean reachable(List<Token> a, List<Token> b) {
        int n = a.size() + 1;
        int m = b.size() + 1;
        boolean[] seen = new boolean[n * m * 2];
        Deque<int[]> queue = new ArrayDeque<>();
        push(queue, seen, m, 0, 0, 0);
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int i = s[0];
            int j = s[1];
            int consumed = s[2];
            if (i == a.size() && j == b.size() && consumed == 1) return true;
            Token ta = i < a.size() ? a.get(i) : null;
            Token tb = j < b.size() ? b.get(j) : null;
            if (ta != null && ta.flag == STAR) push(queue, seen, m, i + 1, j, consumed);
            if (tb != null && tb.flag == STAR) push(queue, seen, m, i, j + 1, consumed);
            if (ta != null && tb != null && ta.overlaps(tb)) {
                int ni = ta.flag == STAR ? i : i + 1;
                int nj = tb.flag == STAR ? j : j + 1;
                push(queue, seen, m, ni, nj, 1);
            }
        }
        return false;
    }

    private static void push(Deque<int[]> queue, boolean[] seen, int m, int i, int j, int consumed) {
        int key = (i * m + j) * 2 + consumed;
        if (seen[key]) return;
        seen[key] = true;
        queue.add(new int[] {i, j, consumed});
    }

    /** Splits a glob into tokens; positions in errors count code points, as OPA's library reports them. */
    static List<Token> tokenize(String glob) {
        int[] in = glob.codePoints().toArray();
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < in.length) {
            int c = in[i];
            Token t;
            if (c == '\\') {
                if (i + 1 >= in.length) throw new InvalidGlob(i, "input ends with a \\ (escape) character");
                t = new Token(false, new int[] {in[i + 1], in[i + 1]});
                i += 2;
            } else if (c == '.') {
                t = new Token(true, null);
                i++;
            } else if (c == '[') {
                int[] end = new int[1];
                t = new Token(false, set(in, i + 1, end));
                i = end[0];
            } else if (c == ']') {
                throw new InvalidGlob(i + 1, "set-close ']' with no preceding '['");
            } else if (c == '*' || c == '+') {
                throw new InvalidGlob(i + 1, "flag '" + Character.toString(c) + "' must be preceded by a non-flag");
            } else {
                t = new Token(false, new int[] {c, c});
                i++;
            }
            if (i < in.length && (in[i] == '*' || in[i] == '+')) {
                t.flag = in[i] == '*' ? STAR : PLUS;
                i++;
            }
            out.add(t);
        }
        return out;
    }

    /** The ranges of a set whose body starts at {@code from}; {@code end[0]} is set past its {@code ]}. */
    private static int[] set(int[] in, int from, int[] end) {
        List<int[]> members = new ArrayList<>();
        int i = from;
        boolean prevExists = false;
        int prev = 0;
        while (i < in.length) {
            int c = in[i];
            boolean escaped = false;
            if (c == '\\') {
                if (i + 1 >= in.length) throw new InvalidGlob(i, "input ends with a \\ (escape) character");
                c = in[i + 1];
                escaped = true;
                i += 2;
            } else {
                i++;
            }
            if (!escaped && c == ']') {
                end[0] = i;
                int[] flat = new int[members.size() * 2];
                for (int k = 0; k < members.size(); k++) {
                    flat[2 * k] = members.get(k)[0];
                    flat[2 * k + 1] = members.get(k)[1];
                }
                return flat;
            }
            if (!escaped && c == '-') {
                if (!prevExists)
                    throw new InvalidGlob(i, "range character '-' must be preceded by a Unicode character");
                if (i >= in.length)
                    throw new InvalidGlob(i, "range character '-' must be followed by a Unicode character");
                int hi = in[i];
                boolean hiEscaped = false;
                if (hi == '\\') {
                    if (i + 1 >= in.length) throw new InvalidGlob(i, "input ends with a \\ (escape) character");
                    hi = in[i + 1];
                    hiEscaped = true;
                    i += 2;
                } else {
                    i++;
                }
                if (!hiEscaped && (hi == ']' || hi == '-')) {
                    throw new InvalidGlob(i, "range character '-' cannot be followed by a special symbol");
                }
                if (hi < prev) {
                    throw new InvalidGlob(
                            i,
                            "range is out of order: '" + Character.toString(hi) + "' comes before '"
                                    + Character.toString(prev) + "' in Unicode");
                }
                members.add(new int[] {prev, hi});
                prevExists = false;
                continue;
            }
            members.add(new int[] {c, c});
            prev = c;
            prevExists = true;
        }
        throw new InvalidGlob(i, "found [ without matching ]");
    }
}
