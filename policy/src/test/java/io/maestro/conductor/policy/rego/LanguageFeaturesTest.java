package io.maestro.conductor.policy.rego;

import static io.maestro.conductor.policy.rego.Rego.engine;
import static io.maestro.conductor.policy.rego.Rego.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rego language rules of current OPA, each written from OPA's policy-language documentation. */
class LanguageFeaturesTest {

  /** "every x in xs" holds for each element of a collection, vacuously for an empty one; over anything else it is undefined. */
  @Test
  void everyOverANonCollectionIsUndefined() {
    RegoEngine e = engine("""
        package q
        all_pos if every x in input.xs { x > 0 }
        """);
    assertThat(eval(e, "q.all_pos", "{\"xs\": []}")).isEqualTo("true");
    assertThat(eval(e, "q.all_pos", "{\"xs\": {\"a\": 1}}")).isEqualTo("true");
    for (String notCollection : new String[] {"1", "\"abc\"", "true", "null"}) {
      assertThat(eval(e, "q.all_pos", "{\"xs\": " + notCollection + "}")).as(notCollection).isEqualTo("undefined");
    }
  }
}
