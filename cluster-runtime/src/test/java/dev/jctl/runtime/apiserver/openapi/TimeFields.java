package dev.jctl.runtime.apiserver.openapi;

/**
 * Which string fields of the model classes are metav1.Time. fabric8 declares them as plain strings, so they are
 * recognised by name: Kubernetes names its timestamps {@code ...Time}, {@code ...Timestamp} or {@code ...At},
 * with two exceptions (managedFields' {@code time}, a taint's {@code timeAdded}); {@code timeZone} and
 * {@code timeoutSeconds} do not match.
 */
final class TimeFields {
    private TimeFields() {
    }

    static boolean isTime(String property) {
        return property.endsWith("Time") || property.endsWith("Timestamp") || property.endsWith("At")
                || property.equals("time") || property.equals("timeAdded");
    }
}
