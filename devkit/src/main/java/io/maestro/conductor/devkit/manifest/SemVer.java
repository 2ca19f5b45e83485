package io.maestro.conductor.devkit.manifest;

/** Major, minor and patch of a version the schema already checked; a pre-release tag is ignored. */
final class SemVer {

    private SemVer() {}

    static int[] parse(String version) {
        String[] parts = version.split("[-+]", 2)[0].split("\\.");
        int[] numbers = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            numbers[i] = parts[i].length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
