package dev.jctl.runtime.apiserver.rest;

import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Object name validation per kind, with apimachinery's messages (validation.IsDNS1123Subdomain and friends). */
final class NameRules {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private NameRules() {
    }

    /** The problems with {@code name} for {@code kind}, empty when valid. */
    static List<ApiException.Cause> check(KindInfo kind, String name) {
        List<ApiException.Cause> causes = new ArrayList<>();
        String invalid = "Invalid value: \"" + name + "\": ";
        if (kind.group().equals("rbac.authorization.k8s.io")) {
            // RBAC names are path segments (system:controller:...), not DNS names
            if (name.equals(".") || name.equals("..")) {
                causes.add(cause(invalid + "may not be '" + name + "'"));
            } else if (name.contains("/") || name.contains("%")) {
                causes.add(cause(invalid + "may not contain '" + (name.contains("/") ? "/" : "%") + "'"));
            }
            return causes;
        }
        if (kind.group().isEmpty() && kind.kind().equals("Namespace")) {
            label(name, invalid, causes);
        } else if (kind.group().isEmpty() && kind.kind().equals("Service")) {
            if (name.length() > 63) {
                causes.add(cause(invalid + "must be no more than 63 characters"));
            }
            if (!DNS1035_LABEL.matcher(name).matches()) {
                causes.add(cause(invalid + "a DNS-1035 label must consist of lower case alphanumeric characters or"
                        + " '-', start with an alphabetic character, and end with an alphanumeric character (e.g."
                        + " 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
            }
        } else {
            if (name.length() > 253) {
                causes.add(cause(invalid + "must be no more than 253 characters"));
            }
            if (!DNS1123_SUBDOMAIN.matcher(name).matches()) {
                causes.add(cause(invalid + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                        + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
                        + " 'example.com', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
            }
        }
        return causes;
    }

    private static void label(String name, String invalid, List<ApiException.Cause> causes) {
        if (name.length() > 63) {
            causes.add(cause(invalid + "must be no more than 63 characters"));
        }
        if (!DNS1123_LABEL.matcher(name).matches()) {
            causes.add(cause(invalid + "a lowercase RFC 1123 label must consist of lower case alphanumeric"
                    + " characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
                    + " or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
        }
    }

    private static ApiException.Cause cause(String message) {
        return new ApiException.Cause("FieldValueInvalid", message, "metadata.name");
    }
}
