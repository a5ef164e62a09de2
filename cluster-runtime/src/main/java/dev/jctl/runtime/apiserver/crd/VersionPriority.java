package dev.jctl.runtime.apiserver.crd;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes' version ordering (apimachinery's CompareKubeAwareVersionStrings), which makes the first served
 * version of a CRD the preferred one in discovery: GA before beta before alpha, higher numbers first, and
 * versions that do not look like Kubernetes versions last, alphabetically.
 */
final class VersionPriority {
    private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    /** Highest priority first. */
    static final Comparator<String> ORDER = VersionPriority::compare;

    private VersionPriority() {
    }

    private static int compare(String a, String b) {
        Matcher ma = KUBE.matcher(a);
        Matcher mb = KUBE.matcher(b);
        boolean ka = ma.matches();
        boolean kb = mb.matches();
        if (!ka || !kb) {
            return ka ? -1 : kb ? 1 : a.compareTo(b);
        }
        int stage = Integer.compare(stage(mb.group(2)), stage(ma.group(2)));
        if (stage != 0) {
            return stage;
        }
        int major = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
        if (major != 0 || ma.group(3) == null) {
            return major;
        }
        return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
    }

    private static int stage(String stage) {
        return stage == null ? 2 : stage.equals("beta") ? 1 : 0;
    }
}
