package io.maestro.conductor.policy.rego.parse;

/**
 * One lexical token. {@code text} is the identifier, operator or number text, or a string's decoded value;
 * {@code spaced} tells whether whitespace or a comment came before it (refs and calls continue only
 * without it), {@code newline} whether a line break did.
 */
record Token(Kind kind, String text, int line, int col, boolean spaced, boolean newline) {
  enum Kind { IDENT, NUMBER, STRING, OP, EOF }

  boolean is(String op) { return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op); }

  boolean isOp(String op) { return kind == Kind.OP && text.equals(op); }

  String describe() {
    if (kind == Kind.EOF) return "EOF";
    if (kind == Kind.STRING) return "string";
    if (kind == Kind.NUMBER) return "number";
    if (kind == Kind.IDENT) return "ident";
    return text;
  }
}
