package dev.jctl.runtime.apiserver.crd;

import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.ApiException.Cause;

import java.util.List;

/**
 * 422 Invalid worded as upstream's {@code errors.NewInvalid(qualifiedKind, ...)}: the message names the kind
 * with its group ({@code CronTab.stable.example.com "x" is invalid: ...}), the details carry them apart.
 */
final class Invalid {
    private Invalid() {
    }

    static ApiException of(String group, String kind, String name, List<Cause> causes) {
        StringBuilder message = new StringBuilder(kind).append('.').append(group).append(" \"").append(name)
                .append("\" is invalid: ");
        if (causes.size() == 1) {
            message.append(causes.get(0).field()).append(": ").append(causes.get(0).message());
        } else {
            message.append('[');
            for (int i = 0; i < causes.size(); i++) {
                message.append(i == 0 ? "" : ", ").append(causes.get(i).field()).append(": ")
                        .append(causes.get(i).message());
            }
            message.append(']');
        }
        return new ApiException(422, "Invalid", message.toString(), group, kind, name, causes);
    }
}
