package io.maestro.conductor.devkit.review;

import io.maestro.conductor.devkit.Violation;
import io.maestro.conductor.devkit.jar.AdapterJar;
import io.maestro.conductor.devkit.jar.AdapterJarCheck;
import io.maestro.conductor.devkit.manifest.AdapterManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The security review's scan of a verified bundle: the jar against its manifest, declared against used permissions,
 * the declared libraries against the known-bad list, and the declared risk; the rating is the highest of the
 * manifest's risk level and every finding's severity. Libraries the jar carries inside it (Maven's pom.properties)
 * are checked against the known-bad list too, declared or not. Secret-field rules are the manifest validator's (a bundle
 * that breaks them never gets here); sensitive data raises the floor.
 */
public final class AdapterReviewScan {

    /** The findings and the rating they add up to. */
    public record Report(List<ReviewFinding> findings, RiskRating rating) {}

    private AdapterReviewScan() {}

    public static Report scan(AdapterManifest manifest, AdapterJar jar, KnownBadDependencies knownBad) {
        List<ReviewFinding> findings = new ArrayList<>();
        for (Violation violation : AdapterJarCheck.check(manifest, jar)) {
            findings.add(
                    violation.pointer().equals("/dependencies")
                            // an undeclared library: the review cannot vouch for what it was not told about
                            ? new ReviewFinding("dependencies", RiskRating.MEDIUM, violation.message())
                            : new ReviewFinding(
                                    violation.pointer().equals("/permissions") ? "permissions" : "manifest",
                                    RiskRating.HIGH,
                                    violation.pointer() + ": " + violation.message()));
        }
        for (String permission : manifest.permissions()) {
            String kind = permission.split(":", 2)[0];
            if (kind.equals("process") || kind.equals("filesystem")) {
                findings.add(new ReviewFinding(
                        "permissions",
                        RiskRating.HIGH,
                        "declares " + kind + " access, which reaches beyond the adapter"));
            } else if (kind.equals("network") && (!permission.contains(":") || permission.contains("*"))) {
                findings.add(new ReviewFinding(
                        "permissions", RiskRating.MEDIUM, "declares network access without one fixed host"));
            }
        }
        for (String dependency : manifest.dependencies()) {
            knownBad.reasonFor(dependency)
                    .ifPresent(reason -> findings.add(new ReviewFinding(
                            "dependencies", RiskRating.CRITICAL, dependency + " is known-bad: " + reason)));
        }
        // what the jar carries inside it, declared or not
        for (String library : jar.embeddedLibraries()) {
            if (!manifest.dependencies().contains(library)) {
                knownBad.reasonFor(library)
                        .ifPresent(reason -> findings.add(new ReviewFinding(
                                "dependencies",
                                RiskRating.CRITICAL,
                                "the jar carries " + library + " (undeclared), which is known-bad: " + reason)));
            }
        }
        String sensitivity =
                manifest.tree().path("risk").path("dataSensitivity").asText();
        if (sensitivity.equals("restricted")) {
            findings.add(new ReviewFinding("manifest", RiskRating.HIGH, "handles restricted data"));
        }
        RiskRating rating = RiskRating.of(manifest.riskLevel());
        for (ReviewFinding finding : findings) {
            rating = rating.atLeast(finding.severity());
        }
        return new Report(List.copyOf(findings), rating);
    }
}
