package dev.jctl.runtime.apiserver.rest;

import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code /api/v1/...} and {@code /apis/<group>/<version>/...} URLs to a {@link RequestTarget}, with
 * kube-apiserver's precedence: {@code namespaces/<ns>/<resource>} is a namespaced collection when
 * {@code <resource>} is a namespaced kind, otherwise it addresses the Namespace object's subresource.
 */
public final class PathResolver {
    private final KindRegistry registry;

    public PathResolver(KindRegistry registry) {
        this.registry = registry;
    }

    /** Empty when the path is not a resource path at all (discovery and friends are served elsewhere). */
    public Optional<RequestTarget> resolve(String path) {
        List<String> segments = segments(path);
        String group;
        String version;
        int rest;
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            group = "";
            version = segments.get(1);
            rest = 2;
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            version = segments.get(2);
            rest = 3;
        } else {
            return Optional.empty();
        }
        List<String> tail = segments.subList(rest, segments.size());
        if (tail.size() >= 3 && tail.get(0).equals("namespaces")) {
            Optional<KindInfo> namespaced = registry.find(group, version, tail.get(2)).filter(KindInfo::namespaced);
            if (namespaced.isPresent()) {
                if (tail.size() > 5) {
                    throw ApiException.noSuchResource();
                }
                return Optional.of(new RequestTarget(namespaced.get(), tail.get(1), at(tail, 3), at(tail, 4)));
            }
        }
        if (tail.size() > 3) {
            throw ApiException.noSuchResource();
        }
        KindInfo kind = registry.find(group, version, tail.get(0)).orElseThrow(ApiException::noSuchResource);
        return Optional.of(new RequestTarget(kind, null, at(tail, 1), at(tail, 2)));
    }

    private static String at(List<String> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }
}
