package io.maestro.conductor.policy.rego.parse;

import io.maestro.conductor.policy.rego.RegoException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Splits Rego source into tokens; raises {@code rego_parse_error} with file:line:col on bad input. */
final class Lexer {
    private static final String[] OPERATORS = {
        ":=", "==", "!=", "<=", ">=", "{", "}", "[", "]", "(", ")", ".", ",", ";", ":", "=", "<", ">", "+", "-", "*",
        "/", "%", "&", "|"
    };

    private final String file;
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Comment> comments = new ArrayList<>();
    /** One entry per template-string expression being lexed: its raw flag and how many braces are open in it. */
    private final Deque<int[]> templates = new ArrayDeque<>();

    /** A {@code #} comment: its line, 1-based column of the {@code #}, and the text after it. */
    record Comment(int line, int col, String text) {}

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    static List<Token> tokenize(String file, String src) {
        return new Lexer(file, src).run();
    }

    /** Tokenizes and adds every comment, in source order, to {@code commentsOut}. */
    static List<Token> tokenize(String file, String src, List<Comment> commentsOut) {
        Lexer lexer = new Lexer(file, src);
        List<Token> tokens = lexer.run();
        commentsOut.addAll(lexer.comments);
        return tokens;
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            int before = pos;
            int lineBefore = line;
            skipSpaceAndComments();
            boolean spaced = pos != before || pos == 0;
            boolean newline = line != lineBefore || pos == 0;
            int col = pos - lineStart + 1;
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.EOF, "", line, col, spaced, newline));
                return out;
            }
            int startLine = line;
            char c = src.charAt(pos);
            if (Character.isLetter(c) || c == '_') {
                int s = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'))
                    pos++;
                out.add(new Token(Token.Kind.IDENT, src.substring(s, pos), startLine, col, spaced, newline));
            } else if (Character.isDigit(c)) {
                out.add(new Token(Token.Kind.NUMBER, number(), startLine, col, spaced, newline));
            } else if (c == '"') {
                out.add(new Token(Token.Kind.STRING, string(), startLine, col, spaced, newline));
            } else if (c == '`') {
                out.add(new Token(Token.Kind.STRING, rawString(), startLine, col, spaced, newline));
            } else if (c == '$') {
                char quote = pos + 1 < src.length() ? src.charAt(pos + 1) : ' ';
                if (quote != '"' && quote != '`') throw error("illegal $ character", startLine, col);
                pos += 2;
                out.add(templateText(quote == '`', startLine, col, spaced, newline));
            } else {
                String op = operator();
                if (op == null) throw error("illegal token", startLine, col);
                if (!templates.isEmpty() && op.equals("{")) templates.peek()[1]++;
                if (!templates.isEmpty() && op.equals("}") && templates.peek()[1]-- == 0) {
                    boolean raw = templates.pop()[0] == 1;
                    out.add(templateText(raw, startLine, col, spaced, newline));
                } else {
                    out.add(new Token(Token.Kind.OP, op, startLine, col, spaced, newline));
                }
            }
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                int start = pos;
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
                int end = pos;
                while (end > start + 1 && src.charAt(end - 1) == '\r') end--;
                comments.add(new Comment(line, start - lineStart + 1, src.substring(start + 1, end)));
            } else {
                return;
            }
        }
    }

    private String number() {
        int s = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int e = pos + 1;
            if (e < src.length() && (src.charAt(e) == '+' || src.charAt(e) == '-')) e++;
            if (e < src.length() && Character.isDigit(src.charAt(e))) {
                pos = e;
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            }
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw error("illegal number format", line, s - lineStart + 1);
        }
        return src.substring(s, pos);
    }

    private String string() {
        int startCol = pos - lineStart + 1;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') throw error("non-terminated string", line, startCol);
            char c = src.charAt(pos++);
            if (c == '"') return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            pos--;
            out.append(escape(line, startCol));
        }
    }

    /** The JSON escape at the current backslash, consumed; errors point at the string's start. */
    private char escape(int atLine, int startCol) {
        pos++;
        if (pos >= src.length()) throw error("non-terminated string", atLine, startCol);
        char e = src.charAt(pos++);
        switch (e) {
            case '"', '\\', '/':
                return e;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > src.length()) throw error("illegal escape sequence", atLine, startCol);
                try {
                    char u = (char) Integer.parseInt(src.substring(pos, pos + 4), 16);
                    pos += 4;
                    return u;
                } catch (NumberFormatException ex) {
                    throw error("illegal escape sequence", atLine, startCol);
                }
            default:
                throw error("illegal escape sequence", atLine, startCol);
        }
    }

    /**
     * A template string's literal text from the current position to the opening brace of its next expression,
     * or to its end. A backslash before a brace stands for the brace itself; a {@code $"…"} string takes JSON
     * escapes and no line break, a {@code $`…`} one keeps everything else as written.
     */
    private Token templateText(boolean raw, int startLine, int col, boolean spaced, boolean newline) {
        StringBuilder out = new StringBuilder();
        char close = raw ? '`' : '"';
        while (true) {
            if (pos >= src.length() || (!raw && src.charAt(pos) == '\n')) {
                throw error("non-terminated template-string", startLine, col);
            }
            char c = src.charAt(pos++);
            if (c == close) return new Token(Token.Kind.TEMPLATE_END, out.toString(), startLine, col, spaced, newline);
            if (c == '{') {
                templates.push(new int[] {raw ? 1 : 0, 0});
                return new Token(Token.Kind.TEMPLATE_PART, out.toString(), startLine, col, spaced, newline);
            }
            if (c == '\n') {
                line++;
                lineStart = pos;
            }
            if (c == '\\' && pos < src.length() && (src.charAt(pos) == '{' || src.charAt(pos) == '}')) {
                out.append(src.charAt(pos++));
            } else if (c == '\\' && !raw) {
                pos--;
                out.append(escape(startLine, col));
            } else {
                out.append(c);
            }
        }
    }

    private String rawString() {
        int startLine = line;
        int startCol = pos - lineStart + 1;
        int end = src.indexOf('`', pos + 1);
        if (end < 0) throw error("non-terminated raw string", startLine, startCol);
        String text = src.substring(pos + 1, end);
        for (int i = pos + 1; i < end; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = end + 1;
        return text;
    }

    private String operator() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    private RegoException error(String message, int atLine, int atCol) {
        return new RegoException(RegoException.PARSE_ERROR, message, file, atLine, atCol);
    }
}
