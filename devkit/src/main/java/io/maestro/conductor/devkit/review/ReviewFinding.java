package io.maestro.conductor.devkit.review;

/**
 * One thing the review scan found.
 *
 * @param check    which check: {@code manifest}, {@code permissions}, {@code dependencies}, {@code secrets}
 * @param severity the risk it adds: {@code low}, {@code medium}, {@code high}, {@code critical}
 */
public record ReviewFinding(String check, RiskRating severity, String message) {}
