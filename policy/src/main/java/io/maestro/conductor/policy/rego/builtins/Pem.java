package io.maestro.conductor.policy.rego.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** PEM blocks found the way Go's {@code encoding/pem.Decode} finds them (text around and between is skipped). */
final class Pem {
    record Block(String type, byte[] bytes) {}

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "\n-----END ";
    private static final String DASHES = "-----";

    private Pem() {}

    /** Every block in order, stopping at the first place no further valid block is found. */
    static List<Block> decodeAll(byte[] data) {
        List<Block> out = new ArrayList<>();
        String rest = new String(data, StandardCharsets.ISO_8859_1);
        while (!rest.isEmpty()) {
            String[] remaining = new String[1];
            Block b = decode(rest, remaining);
            if (b == null) break;
            out.add(b);
            rest = remaining[0];
        }
        return out;
    }

    /** The first block of {@code data} (an ISO-8859-1 view of bytes), or null; {@code rest[0]} gets what follows. */
    static Block decode(String data, String[] restOut) {
        String rest = data;
        while (true) {
            if (rest.startsWith(BEGIN)) {
                rest = rest.substring(BEGIN.length());
            } else {
                int i = rest.indexOf("\n" + BEGIN);
                if (i < 0) return null;
                rest = rest.substring(i + 1 + BEGIN.length());
            }
            String[] line = line(rest);
            String typeLine = line[0];
            rest = line[1];
            if (!typeLine.endsWith(DASHES)) continue;
            String type = typeLine.substring(0, typeLine.length() - DASHES.length());
            boolean headers = false;
            boolean truncated = false;
            while (true) {
                if (rest.isEmpty()) {
                    truncated = true;
                    break;
                }
                String[] h = line(rest);
                if (h[0].indexOf(':') < 0) break;
                headers = true;
                rest = h[1];
            }
            if (truncated) return null;
            int endIndex;
            int trailerIndex;
            if (!headers && rest.startsWith(END.substring(1))) {
                endIndex = 0;
                trailerIndex = END.length() - 1;
            } else {
                endIndex = rest.indexOf(END);
                trailerIndex = endIndex + END.length();
            }
            if (endIndex < 0) continue;
            String trailer = rest.substring(trailerIndex);
            int trailerLen = type.length() + DASHES.length();
            if (trailer.length() < trailerLen) continue;
            String afterEnd = trailer.substring(trailerLen);
            trailer = trailer.substring(0, trailerLen);
            if (!trailer.startsWith(type) || !trailer.endsWith(DASHES)) continue;
            if (!line(afterEnd)[0].isEmpty()) continue;
            String body = rest.substring(0, endIndex).replaceAll("[ \t\r\n]", "");
            byte[] bytes;
            try {
                bytes = EncodingBuiltins.decode(body, false);
            } catch (IllegalArgumentException e) {
                continue;
            }
            restOut[0] = line(rest.substring(endIndex + END.length() - 1))[1];
            return new Block(type, bytes);
        }
    }

    /** Go's getLine: the first line without its trailing spaces, tabs and CR, and the text after its newline. */
    private static String[] line(String s) {
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        String after = nl < 0 ? "" : s.substring(nl + 1);
        int end = first.length();
        while (end > 0 && " \t\r".indexOf(first.charAt(end - 1)) >= 0) end--;
        return new String[] {first.substring(0, end), after};
    }
}
