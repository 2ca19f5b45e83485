package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The lifecycle actions the policy {@code governance/lifecycle/decision} rules on, by their policy names. */
public enum LifecycleAction {
    INSTALL("install"),
    UPDATE("update"),
    CONFIG_CHANGE("config-change"),
    ENDPOINT_CHANGE("endpoint-change"),
    VERSION_UPGRADE("version-upgrade"),
    SECRET_ROTATION("secret-rotation"),
    UNINSTALL("uninstall");

    /** Config fields that say where an adapter connects: an endpoint, URL, URI or host, at any depth. */
    private static final Pattern ENDPOINT_FIELD = Pattern.compile("(?i).*(endpoint|url|uri|host)$");

    private final String id;

    LifecycleAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LifecycleAction> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    /**
     * Every action an update takes, each of which the policy must allow: another definition version is a version
     * upgrade, a changed endpoint field an endpoint change, any other config change a config change, and region or
     * state alone (or nothing) an update.
     */
    public static List<LifecycleAction> ofUpdate(AdapterInstance current, UpdateRequest request) {
        List<LifecycleAction> actions = new ArrayList<>();
        if (request.definitionVersion() != null && !request.definitionVersion().equals(current.definitionVersion())) {
            actions.add(VERSION_UPGRADE);
        }
        JsonNode before = current.config();
        JsonNode after = request.config();
        if (!endpoints(before, "").equals(endpoints(after, ""))) {
            actions.add(ENDPOINT_CHANGE);
        }
        if (!Objects.equals(withoutEndpoints(before), withoutEndpoints(after))) {
            actions.add(CONFIG_CHANGE);
        }
        boolean regionMoves = request.region() != null && !request.region().equals(current.region());
        boolean stateMoves = request.state() != null && request.state() != current.state();
        if (regionMoves || stateMoves || actions.isEmpty()) {
            actions.add(UPDATE);
        }
        return actions;
    }

    private static Map<String, JsonNode> endpoints(JsonNode node, String at) {
        Map<String, JsonNode> found = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(field -> {
                String path = at + "/" + field.getKey();
                if (ENDPOINT_FIELD.matcher(field.getKey()).matches()) {
                    found.put(path, field.getValue());
                } else {
                    found.putAll(endpoints(field.getValue(), path));
                }
            });
        }
        return found;
    }

    private static JsonNode withoutEndpoints(JsonNode node) {
        if (node == null || !node.isObject()) {
            return node;
        }
        ObjectNode copy = ((ObjectNode) node).objectNode();
        node.properties().forEach(field -> {
            if (!ENDPOINT_FIELD.matcher(field.getKey()).matches()) {
                copy.set(field.getKey(), withoutEndpoints(field.getValue()));
            }
        });
        return copy;
    }
}
