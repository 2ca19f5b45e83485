package io.maestro.conductor.registry.graph;

import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The endpoint URIs of a Camel YAML DSL document: values of {@code from}, {@code to}, {@code toD},
 * {@code wireTap}, {@code enrich}, {@code pollEnrich} and {@code uri} keys, with a sibling
 * {@code parameters} map folded into the query string.
 *
 * <p>Workflows come from API callers, so reading one costs time linear in its size and bounded memory: one pass
 * over the parser's events (Camel's own YAML parser) with an explicit stack, no tree. Aliases are never expanded (an
 * alias of a plain value reads as that value), so an alias bomb costs nothing; nesting deeper than
 * {@value #MAX_DEPTH} and documents over {@value #MAX_CODE_POINTS} code points are refused. The whole document is
 * handed to the parser in one buffer: with its default small buffer, the parser copies the unread rest of its window
 * on every refill, which for one long token (a 50 MB line) is quadratic.
 */
public final class RouteEndpoints {

    static final int MAX_DEPTH = 100;
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    private static final Set<String> ENDPOINT_KEYS =
            Set.of("from", "to", "toD", "wireTap", "enrich", "pollEnrich", "uri");
    private static final String PARAMETERS = "parameters";

    private RouteEndpoints() {}

    public static List<String> of(String routeYaml) {
        if (routeYaml.length() > MAX_CODE_POINTS) {
            throw invalid("the document is longer than " + MAX_CODE_POINTS + " characters");
        }
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(MAX_CODE_POINTS)
                .setBufferSize(routeYaml.length() + 1)
                .setUseMarks(true)
                .build();
        Walk walk = new Walk();
        try {
            for (Event event : new Parse(settings).parseString(routeYaml)) {
                walk.accept(event);
            }
        } catch (MarkedYamlEngineException e) {
            // Problem and position only: the parser's own message quotes the offending line.
            throw invalid(e.getProblem()
                    + e.getProblemMark()
                            .map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
                            .orElse(""));
        } catch (YamlEngineException e) {
            throw invalid(e.getMessage());
        }
        return walk.uris;
    }

    private static RegistryException invalid(String why) {
        return new RegistryException(ErrorCode.WORKFLOW_INVALID, "workflow is not valid YAML: " + why);
    }

    /** The state of the pass: open collections, found URIs, and the plain values anchors name. */
    private static final class Walk {

        final List<String> uris = new ArrayList<>();
        private final Deque<Frame> open = new ArrayDeque<>();
        private final Map<String, String> anchoredValues = new HashMap<>();

        void accept(Event event) {
            switch (event.getEventId()) {
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    scalar.getAnchor().ifPresent(anchor -> anchoredValues.put(anchor.getValue(), scalar.getValue()));
                    value(scalar.getValue());
                }
                case Alias ->
                    value(anchoredValues.get(((AliasEvent) event).getAlias().getValue()));
                case MappingStart, SequenceStart -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw invalid("nested deeper than " + MAX_DEPTH + " levels");
                    }
                    Frame parent = open.peek();
                    boolean mapping = event.getEventId() == Event.ID.MappingStart;
                    boolean parameters = mapping && parent != null && parent.inValue() && PARAMETERS.equals(parent.key);
                    boolean asKey = parent != null && parent.mapping && parent.key == null && !parent.keySeen;
                    open.push(new Frame(mapping, parameters, asKey));
                    ((NodeEvent) event).getAnchor().ifPresent(anchor -> anchoredValues.remove(anchor.getValue()));
                }
                case MappingEnd, SequenceEnd -> close(open.pop());
                default -> {}
            }
        }

        /** A plain value (or {@code null}: an alias of a collection) at the current position. */
        private void value(String text) {
            Frame frame = open.peek();
            if (frame == null || !frame.mapping) {
                return;
            }
            if (!frame.keySeen) {
                frame.key = text;
                frame.keySeen = true;
                return;
            }
            if (text != null && ENDPOINT_KEYS.contains(frame.key)) {
                frame.endpointIndexes.add(uris.size());
                uris.add(text);
            }
            if (frame.parameters != null && text != null) {
                frame.parameters.put(frame.key, text);
            }
            frame.nextEntry();
        }

        private void close(Frame frame) {
            if (frame.mapping && frame.childParameters != null && !frame.childParameters.isEmpty()) {
                for (int index : frame.endpointIndexes) {
                    uris.set(index, withParameters(uris.get(index), frame.childParameters));
                }
            }
            Frame parent = open.peek();
            if (parent == null || !parent.mapping) {
                return;
            }
            if (frame.asKey) {
                parent.key = null;
                parent.keySeen = true;
                return;
            }
            if (frame.parameters != null) {
                parent.childParameters = frame.parameters;
            }
            parent.nextEntry();
        }

        private static String withParameters(String uri, Map<String, String> parameters) {
            StringBuilder full = new StringBuilder(uri);
            char separator = uri.contains("?") ? '&' : '?';
            for (Map.Entry<String, String> entry : parameters.entrySet()) {
                full.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
                separator = '&';
            }
            return full.toString();
        }
    }

    /** One open mapping or sequence. In a mapping, {@code key} is the current entry's key once it is read. */
    private static final class Frame {

        final boolean mapping;
        final boolean asKey;
        final Map<String, String> parameters;
        final List<Integer> endpointIndexes = new ArrayList<>();
        Map<String, String> childParameters;
        String key;
        boolean keySeen;

        Frame(boolean mapping, boolean parameters, boolean asKey) {
            this.mapping = mapping;
            this.parameters = parameters ? new LinkedHashMap<>() : null;
            this.asKey = asKey;
        }

        boolean inValue() {
            return mapping && keySeen;
        }

        void nextEntry() {
            key = null;
            keySeen = false;
        }
    }
}
