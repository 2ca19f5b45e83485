package io.maestro.conductor.policy.rego.parse;

/**
 * One lexical token. {@code text} is the identifier, operator or number text, or a string's decoded value;
 * {@code spaced} tells whether whitespace or a comment came before it (refs and calls continue only
 * without it), {@code newline} whether a line break did.
 */
record Token(Kind kind, String text, int line, int col, boolean spaced, boolean newline) {
    /**
     * TEMPLATE_PART is a template string's literal text up to an expression's opening brace (decoded);
     * TEMPLATE_END its literal text up to the closing quote. The expression's own tokens come between them.
     */
    enum Kind {
        IDENT,
        NUMBER,
        STRING,
        OP,
        TEMPLATE_PART,
        TEMPLATE_END,
        EOF
    }

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    String describe() {
        if (kind == Kind.EOF) return "EOF";
        if (kind == Kind.STRING) return "string";
        if (kind == Kind.TEMPLATE_PART || kind == Kind.TEMPLATE_END) return "template-string";
        if (kind == Kind.NUMBER) return "number";
        if (kind == Kind.IDENT) return "ident";
        return text;
    }
}
