package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.KindRegistry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET pods/NAME/log, as kube-apiserver's LogREST answers it: the container is checked against the pod, a pod with no
 * node gets 204 and no body, and otherwise the log is fetched from the node's kubelet at
 * {@code https://<preferred address>:<kubelet port>/containerLogs/<namespace>/<pod>/<container>}. A kubelet that
 * cannot be reached fails the request with Go's error text, which kubectl prints as {@code Error from server: Get
 * "https://...": dial tcp ...: connect: connection refused}, exactly as against a real cluster whose kubelet is down.
 */
public final class PodLogs {
    /** kube-apiserver's default --kubelet-preferred-address-types. */
    private static final List<String> PREFERRED_ADDRESS_TYPES =
            List.of("Hostname", "InternalDNS", "InternalIP", "ExternalDNS", "ExternalIP");
    private static final int DEFAULT_KUBELET_PORT = 10250;
    /** The PodLogOptions a kubelet takes, as LogLocation passes them on (url.Values.Encode sorts by key). */
    private static final List<String> FORWARDED =
            List.of("follow", "previous", "timestamps", "sinceSeconds", "sinceTime", "tailLines", "limitBytes");

    private final ObjectStore store;
    private final KindRegistry registry;
    private final HttpClient kubelets = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    public PodLogs(ObjectStore store, KindRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public Reply get(ApiRequest request) {
        RequestTarget target = request.target();
        ObjectNode pod = store.get(target.kind(), target.namespace(), target.name());
        String container = container(pod, target.name(), request.param("container"));
        String nodeName = pod.path("spec").path("nodeName").asText("");
        if (nodeName.isEmpty()) {
            // LocationStreamer's null location: "No output provided - return StatusNoContent"
            return new Reply(204, BinaryNode.valueOf(new byte[0]));
        }
        ObjectNode node = store.get(registry.find("", "v1", "nodes").orElseThrow(), null, nodeName);
        String host = preferredAddress(node);
        int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
        String url = "https://" + hostPort(host, port > 0 ? port : DEFAULT_KUBELET_PORT) + "/containerLogs/"
                + target.namespace() + "/" + target.name() + "/" + container + query(request);
        return fetch(url, host, port > 0 ? port : DEFAULT_KUBELET_PORT);
    }

    /** validateContainer: the named container must exist; without a name the pod must have exactly one. */
    private static String container(ObjectNode pod, String name, String requested) {
        List<String> containers = names(pod.path("spec").path("containers"));
        if (requested == null || requested.isEmpty()) {
            if (containers.size() == 1) {
                return containers.get(0);
            }
            if (containers.isEmpty()) {
                throw ApiException.badRequest("a container name must be specified for pod " + name);
            }
            List<String> init = names(pod.path("spec").path("initContainers"));
            throw ApiException.badRequest("a container name must be specified for pod " + name + ", choose one of: ["
                    + String.join(" ", containers) + "]"
                    + (init.isEmpty() ? "" : " or one of the init containers: [" + String.join(" ", init) + "]"));
        }
        List<String> all = new ArrayList<>(containers);
        all.addAll(names(pod.path("spec").path("initContainers")));
        all.addAll(names(pod.path("spec").path("ephemeralContainers")));
        if (!all.contains(requested)) {
            throw ApiException.badRequest("container " + requested + " is not valid for pod " + name);
        }
        return requested;
    }

    private static List<String> names(JsonNode containers) {
        List<String> names = new ArrayList<>();
        containers.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    /** nodeutil.GetPreferredNodeAddress: the first address of the first preferred type the node reports. */
    private static String preferredAddress(ObjectNode node) {
        JsonNode addresses = node.path("status").path("addresses");
        for (String type : PREFERRED_ADDRESS_TYPES) {
            for (JsonNode address : addresses) {
                if (address.path("type").asText().equals(type)) {
                    return address.path("address").asText();
                }
            }
        }
        List<String> known = new ArrayList<>();
        addresses.forEach(a -> known.add("{" + a.path("type").asText() + " " + a.path("address").asText() + "}"));
        throw unknownReason("no preferred addresses found; known addresses: [" + String.join(" ", known) + "]");
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String query(ApiRequest request) {
        Map<String, String> params = new TreeMap<>();
        for (String name : FORWARDED) {
            String value = request.param(name);
            boolean flag = name.equals("follow") || name.equals("previous") || name.equals("timestamps");
            if (value != null && !value.isEmpty() && !(flag && !value.equals("true"))) {
                params.put(name, value);
            }
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private Reply fetch(String url, String host, int port) {
        HttpResponse<byte[]> response;
        try {
            response = kubelets.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unknownReason("Get \"" + url + "\": " + goDialError(e, host, port));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unknownReason("Get \"" + url + "\": context canceled");
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        // GenericHttpResponseChecker: the kubelet's own refusals keep their text
        return switch (response.statusCode()) {
            case 200 -> new Reply(200, BinaryNode.valueOf(response.body()),
                    List.of(Map.entry("Content-Type", "text/plain")));
            case 400 -> throw ApiException.badRequest(text);
            case 500 -> throw ApiException.internal(text);
            default -> throw new ApiException(response.statusCode(), "", text, null, null, null, List.of());
        };
    }

    /** How Go's net.Dial words the failures the JDK reports as exceptions. */
    private static String goDialError(IOException e, String host, int port) {
        String address = hostPort(host, port);
        if (e instanceof HttpConnectTimeoutException) {
            return "dial tcp " + address + ": i/o timeout";
        }
        Throwable cause = e instanceof ConnectException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof UnknownHostException) {
            return "dial tcp: lookup " + host + ": no such host";
        }
        if (cause instanceof NoRouteToHostException) {
            return "dial tcp " + address + ": connect: no route to host";
        }
        if (cause instanceof ConnectException) {
            return "dial tcp " + address + ": connect: connection refused";
        }
        return String.valueOf(e.getMessage());
    }

    /** A plain Go error reaching the handler: 500 with no reason, printed by kubectl as "Error from server: ...". */
    private static ApiException unknownReason(String message) {
        return new ApiException(500, "", message, null, null, null, List.of());
    }
}
