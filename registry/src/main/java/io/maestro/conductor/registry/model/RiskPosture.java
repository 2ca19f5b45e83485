package io.maestro.conductor.registry.model;

import java.io.Serializable;

/**
 * What policy needs to know about an adapter before letting data through it.
 *
 * @param riskLevel        low, medium, high or critical
 * @param dataSensitivity  public, internal, confidential or restricted
 * @param requiresApproval whether installing or changing an instance needs a second operator
 */
public record RiskPosture(String riskLevel, String dataSensitivity, boolean requiresApproval) implements Serializable {}
