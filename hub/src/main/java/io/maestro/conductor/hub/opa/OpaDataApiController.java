package io.maestro.conductor.hub.opa;

import io.maestro.conductor.policy.pdp.OpaDataApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPA's Data API ({@code GET}/{@code POST /v1/data/{path}}) over the hub's embedded policy engine, so any OPA
 * client (including the decision point's own mode {@code opa}) can ask the hub. The semantics live in
 * {@link OpaDataApi}; this only maps HTTP in and out.
 */
@RestController
public class OpaDataApiController {
    private final OpaDataApi api;

    public OpaDataApiController(OpaDataApi api) {
        this.api = api;
    }

    @PostMapping(
            path = {OpaDataApi.PREFIX, OpaDataApi.PREFIX + "/**"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> post(HttpServletRequest request, @RequestBody(required = false) String body) {
        return respond(api.handle("POST", documentPath(request), body));
    }

    @GetMapping(
            path = {OpaDataApi.PREFIX, OpaDataApi.PREFIX + "/**"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> get(HttpServletRequest request) {
        return respond(api.handle("GET", documentPath(request), null));
    }

    private static String documentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.substring(OpaDataApi.PREFIX.length());
    }

    private static ResponseEntity<String> respond(OpaDataApi.Response response) {
        return ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(response.body());
    }
}
