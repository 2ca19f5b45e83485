package io.maestro.conductor.policy.rego.ast;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;

/** A Rego term: the operands of expressions. */
public sealed interface Term
        permits Term.Scalar,
                Term.Var,
                Term.Ref,
                Term.ArrayTerm,
                Term.ObjectTerm,
                Term.SetTerm,
                Term.Call,
                Term.ArrayCompr,
                Term.SetCompr,
                Term.ObjectCompr {

    Loc loc();

    /** A constant value (scalars, and composites folded at parse time when fully constant). */
    record Scalar(Value value, Loc loc) implements Term {}

    /** A variable; {@code input} and {@code data} are the two roots. */
    record Var(String name, Loc loc) implements Term {
        public boolean isWildcard() {
            return name.startsWith("$_");
        }
    }

    /** {@code head.path...}: head is a variable or a composite/call term; path elements are index terms. */
    record Ref(Term head, List<Term> path, Loc loc) implements Term {
        public Ref {
            path = List.copyOf(path);
        }
    }

    record ArrayTerm(List<Term> elements, Loc loc) implements Term {
        public ArrayTerm {
            elements = List.copyOf(elements);
        }
    }

    record ObjectTerm(List<Term> keys, List<Term> values, Loc loc) implements Term {
        public ObjectTerm {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    record SetTerm(List<Term> elements, Loc loc) implements Term {
        public SetTerm {
            elements = List.copyOf(elements);
        }
    }

    /** A call of a builtin or user function by dotted name ({@code count}, {@code data.pkg.f}). */
    record Call(String name, List<Term> args, Loc loc) implements Term {
        public Call {
            args = List.copyOf(args);
        }
    }

    record ArrayCompr(Term head, List<Expr> body, Loc loc) implements Term {}

    record SetCompr(Term head, List<Expr> body, Loc loc) implements Term {}

    record ObjectCompr(Term key, Term value, List<Expr> body, Loc loc) implements Term {}
}
