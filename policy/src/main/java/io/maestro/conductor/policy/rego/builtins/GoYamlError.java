package io.maestro.conductor.policy.rego.builtins;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * The message OPA's yaml.unmarshal gives for bad YAML: sigs.k8s.io/yaml's {@code error converting YAML to JSON:}
 * around go-yaml's {@code yaml: line N: problem}. SnakeYAML finds the same faults as go-yaml (both follow libyaml);
 * its wording of the common ones is translated to libyaml's, and the line is chosen as go-yaml chooses it (the
 * problem's line for scanner errors, the line before it for parser errors, else the context's).
 */
final class GoYamlError {
    /** SnakeYAML problem prefix → libyaml problem, for the faults policies meet. */
    private static final List<Map.Entry<String, String>> PROBLEMS = List.of(
            Map.entry("found character", "found character that cannot start any token"),
            Map.entry("mapping values are not allowed", "mapping values are not allowed in this context"),
            Map.entry("expected ',' or ']'", "did not find expected ',' or ']'"),
            Map.entry("expected ',' or '}'", "did not find expected ',' or '}'"),
            Map.entry("expected '<document start>'", "did not find expected <document start>"),
            Map.entry("found unexpected end of stream", "found unexpected end of stream"),
            Map.entry("could not find expected ':'", "could not find expected ':'"));

    private GoYamlError() {}

    static String message(Exception e) {
        MarkedYAMLException marked = marked(e);
        if (marked == null) return "error converting YAML to JSON: yaml: " + e.getMessage();
        String problem = libyamlProblem(marked);
        Mark at = marked.getProblemMark();
        int line = at == null ? 0 : at.getLine() + (marked instanceof ScannerException ? 1 : 0);
        if (line == 0 && marked.getContextMark() != null)
            line = marked.getContextMark().getLine();
        return "error converting YAML to JSON: yaml: " + (line == 0 ? "" : "line " + line + ": ") + problem;
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) return m;
        }
        return null;
    }

    private static String libyamlProblem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "unknown problem parsing YAML content" : e.getProblem();
        for (Map.Entry<String, String> p : PROBLEMS) {
            if (problem.startsWith(p.getKey())) return p.getValue();
        }
        if (problem.startsWith("expected <block end>")) {
            String context = e.getContext() == null ? "" : e.getContext();
            return context.contains("collection") ? "did not find expected '-' indicator" : "did not find expected key";
        }
        return problem;
    }
}
