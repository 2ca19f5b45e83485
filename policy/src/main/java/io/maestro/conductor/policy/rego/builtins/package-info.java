/**
 * Rego's builtin functions, with OPA's names, semantics and error wording.
 *
 * <p>Each family is one {@link io.maestro.conductor.policy.rego.builtins.BuiltinGroup} class
 * ({@code StringBuiltins}, {@code TimeBuiltins}, ...) listed in
 * {@link io.maestro.conductor.policy.rego.builtins.StandardBuiltins}; a group declares every
 * builtin's operand and result kinds, which the compiler uses for {@code rego_type_error}.
 * Implementations receive ground operands and return a value, or {@code null} for undefined.
 *
 * <p>Errors: {@code Operands} raises OPA's type errors ({@code eval_type_error},
 * "{@code <name>: operand <n> must be <type> but got <type>}"); a bad value of the right type is
 * {@code eval_builtin_error} ({@code BuiltinException.failed}). Whether an error stops the query
 * or makes the call undefined (OPA's strict mode) is the evaluator's decision.
 *
 * <p>Where OPA leans on Go's standard library, the Go behaviour is ported rather than
 * approximated: {@code GoFormat} (fmt verbs for {@code sprintf}), {@code GoLayout}, {@code GoTimeFormat}, {@code GoTimeParse} and
 * {@code GoDuration} (reference-time layouts, ParseDuration), {@code GoJson} (encoding/json
 * output), {@code GoRegex} (RE2 via re2j, with Go's FindAll rules). JWT key handling uses Nimbus
 * JOSE+JWT. Nothing here performs I/O: {@code http.send} is declared only so that it can be mocked.
 */
package io.maestro.conductor.policy.rego.builtins;
