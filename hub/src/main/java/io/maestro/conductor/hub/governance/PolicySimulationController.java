package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.api.ApiRequestException;
import io.maestro.conductor.policy.pdp.BundleLoader;
import io.maestro.conductor.policy.pdp.PolicySettings;
import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import io.maestro.conductor.policy.simulate.PolicySimulator;
import io.maestro.conductor.policy.simulate.Scenario;
import io.maestro.conductor.policy.simulate.ScenarioFiles;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/policy/simulate}: what a proposed lifecycle bundle would decide, before it is activated. The body
 * is {@code {"modules": {"lifecycle.rego": "package ..."}, "data": {...}}} ({@code data} defaults to the active
 * bundles' data). The bundle is hostile input: the body is bounded, module names and counts are bounded, it compiles
 * in the simulator's sandbox (no network builtins), each decision is bounded in steps and time and the whole run by a
 * deadline; nothing is activated or stored. For operators and admins who see every tenant, since the replayed
 * decisions are every tenant's ({@code SecurityConfiguration} refuses anyone else before this runs).
 */
@RestController
public class PolicySimulationController {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final int MAX_MODULES = 32;
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,99}\\.rego");
    private static final int MAX_ERRORS = 20;
    private static final long MAX_STEPS = 200_000;
    private static final Duration DECISION_TIMEOUT = Duration.ofMillis(100);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PolicySimulationController.class);

    private final ObjectMapper json;
    private final PolicySettings policy;
    private final LifecycleDecisionLog decisions;
    private final Path simulationsDir;

    public PolicySimulationController(
            ObjectMapper json, PolicySettings policy, LifecycleDecisionLog decisions, SimulationSuites suites) {
        this.json = json;
        this.policy = policy;
        this.decisions = decisions;
        this.simulationsDir = suites.dir();
    }

    @PostMapping(path = "/api/policy/simulate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PolicySimulation.Report simulate(Authentication caller, HttpServletRequest request) throws IOException {
        JsonNode body = parse(boundedBody(request));
        PolicySimulator simulator = compile(modules(body), data(body));
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioFiles.load(simulationsDir);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("stored simulation suites unreadable: " + e.getMessage()));
        }
        PolicySimulation.Report report =
                PolicySimulation.run(simulator, scenarios, decisions.recent(decisions.size()), DEADLINE);
        LOG.info(
                "event=policy_simulated by={} scenarios_failed={} decisions_flipped={} complete={}",
                caller.getName(),
                report.scenarios().failed(),
                report.decisions().flipped(),
                report.complete());
        return report;
    }

    private static byte[] boundedBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw invalid("The body is a JSON object: {\"modules\": {\"name.rego\": \"...\"}, \"data\": {...}}");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw invalid("The body is not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RegoModule> modules(JsonNode body) {
        JsonNode modules = body.path("modules");
        if (!modules.isObject() || modules.isEmpty() || modules.size() > MAX_MODULES) {
            throw invalid("modules is an object of 1 to " + MAX_MODULES + " Rego sources by file name");
        }
        List<RegoModule> out = new ArrayList<>();
        for (var field : modules.properties()) {
            if (!MODULE_NAME.matcher(field.getKey()).matches()
                    || field.getKey().contains("..")
                    || !field.getValue().isTextual()) {
                throw invalid("Each module is \"<name>.rego\": \"<source>\"; names use letters, digits, _ . / -");
            }
            out.add(new RegoModule(
                    "proposed/" + field.getKey(), field.getValue().asText()));
        }
        return out;
    }

    private Value data(JsonNode body) {
        JsonNode data = body.get("data");
        if (data == null || data.isNull()) {
            return BundleLoader.load(policy.bundleDirs()).data();
        }
        if (!data.isObject()) {
            throw invalid("data is a JSON object (the base document under data)");
        }
        return Values.fromJson(data);
    }

    private static PolicySimulator compile(List<RegoModule> modules, Value data) {
        try {
            return PolicySimulator.compile(modules, data, MAX_STEPS, DECISION_TIMEOUT);
        } catch (RegoException e) {
            List<String> errors = e.errors().stream()
                    .limit(MAX_ERRORS)
                    .map(RegoError::toString)
                    .toList();
            throw new ApiRequestException(
                    HttpStatus.BAD_REQUEST,
                    "BUNDLE_INVALID",
                    "The proposed bundle does not compile: " + String.join("; ", errors));
        }
    }

    private static ApiRequestException invalid(String message) {
        return new ApiRequestException(HttpStatus.BAD_REQUEST, "SIMULATION_REQUEST_INVALID", message);
    }

    private static ApiRequestException tooLarge() {
        return new ApiRequestException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "BUNDLE_TOO_LARGE",
                "A proposed bundle is at most " + MAX_BODY_BYTES + " bytes of JSON");
    }
}
