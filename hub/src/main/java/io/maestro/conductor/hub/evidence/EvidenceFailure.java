package io.maestro.conductor.hub.evidence;

import java.util.List;
import java.util.Map;

/**
 * How an upload ended when it did not store the bundle: the HTTP status to answer with, a stable code, and either
 * the dead letter that keeps it ({@code failedId}) or the decision that denied it.
 */
public record EvidenceFailure(
        int status,
        String code,
        String detail,
        String bundleId,
        String failedId,
        String decisionId,
        List<String> reasons,
        Map<String, String> context) {}
