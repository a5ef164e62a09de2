package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.ListResult;
import dev.jctl.runtime.storage.Storage;
import dev.jctl.runtime.storage.Watch;
import dev.jctl.runtime.storage.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * ClusterIP allocation from the service cluster IP range (by default kubeadm's 10.96.0.0/12) and NodePort
 * allocation from the node port range (30000-32767), with upstream's errors for taken or out-of-range values and
 * for changing an assigned ClusterIP.
 *
 * <p>As upstream's ipallocator and portallocator do, this API server keeps what is taken in memory as the authority
 * instead of reading every stored Service on each write. A write {@link #reserve reserves} its new values under a
 * short lock; the storage write runs outside it; then, as upstream's allocation transaction is committed or
 * reverted, the reservation either becomes the stored Service's ({@link Reservation#stored}) or is released (a
 * conflict, AlreadyExists, a storage error, a dry run). A value is taken while a reservation or the last known
 * revision of a stored Service holds it. What is stored is learned from two sources, merged by revision:
 * <ul>
 * <li>this server's own writes, reported as each returns (a deletion by {@link #deleted}), so a client that deletes
 *     a Service and at once asks for its IP gets it, as upstream's afterDelete releases at once;</li>
 * <li>a watch of the Services' prefix from the list the state was built from, which sees every change whatever
 *     made it: a path that forgot to report, a writer underneath this server such as another server on the same
 *     etcd. A watch alone would not do: until it delivers a deletion, the freed values would still be taken.</li>
 * </ul>
 * A key's entry changes only for a newer revision, and a report at or below what the watch delivered is dropped, as
 * the watch applied it already; a reported deletion leaves a tombstone until the watch delivers it, so the watch's
 * older events of that key cannot revive it. So the sources may come in any order and the state still converges on
 * the store's: this server gives no value twice (a reservation holds it until a stored revision does, and that
 * revision holds it until a newer one drops it: a deletion, or an update whose type no longer uses it, see
 * {@link ServiceTypeFields}) and none leaks (a failed write releases its reservation before it answers, and a
 * deletion from either source frees what its Service held); what another writer stores is taken once the watch
 * delivers it, as there is no shared record to compare-and-swap. Upstream's repair controllers are not needed:
 * the state is rebuilt from a list on first use after every start. Should the store end the watch (an etcd error),
 * this server's own writes are still counted and others' are learned at the next start.
 */
final class ServiceAllocator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceAllocator.class);
    private static final String PREFIX = "/registry/core/services/";
    /** Left to Services that ask for them: upstream's kubernetes Service has the first address, kube-dns the tenth. */
    private static final int LOW_ADDRESSES_KEPT = 10;

    /** A write's hold on the values it allocated until its outcome is known. */
    interface Reservation extends AutoCloseable {
        /** For kinds other than Service. */
        Reservation NONE = new Reservation() {
            @Override
            public void stored(ObjectNode object) {
            }

            @Override
            public void close() {
            }
        };

        /** The write succeeded: {@code object}, as stored with its resourceVersion, now holds its values. */
        void stored(ObjectNode object);

        /** Releases what was not {@link #stored}; called on every outcome. */
        @Override
        void close();
    }

    /** What a stored Service holds; {@code ip} is -1 for none. */
    private record Holdings(long ip, int[] nodePorts) {
        static final Holdings NONE = new Holdings(-1, new int[0]);

        boolean holdsNodePort(int port) {
            for (int held : nodePorts) {
                if (held == port) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The last reported revision of a stored Service; null holdings: deleted, the watch not yet there. */
    private record Known(long revision, Holdings holdings) {
    }

    private final Storage storage;
    private final ServiceRanges ranges;
    private final AllocationPool ips;
    private final AllocationPool nodePorts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Known> known = new HashMap<>();
    /** Reported deletions by revision, dropped from {@link #known} once the watch delivered them. */
    private final TreeMap<Long, String> tombstones = new TreeMap<>();
    private boolean loaded;
    /** The revision the state is built from: the list's, then each event's the watch delivers. */
    private long watched;
    private Watch watch;
    private boolean closed;

    ServiceAllocator(Storage storage, ServiceRanges ranges) {
        this.storage = storage;
        this.ranges = ranges;
        this.ips = new AllocationPool(ranges.network(), ranges.network() + ranges.size() - 1);
        this.nodePorts = new AllocationPool(ranges.nodePortMin(), ranges.nodePortMax());
    }

    /**
     * Fills in or checks spec.clusterIP(s) and the node ports of {@code service}, an object of {@code kind} about to
     * be stored, and holds its new values; {@code current} is the stored Service on an update, null on a create.
     * On an update, the values the new type no longer uses are already dropped ({@link ServiceTypeFields}).
     * Other kinds get {@link Reservation#NONE}.
     */
    Reservation reserve(KindInfo kind, ObjectNode service, ObjectNode current) {
        if (!kind.group().isEmpty() || !kind.kind().equals("Service")) {
            return Reservation.NONE;
        }
        ObjectNode meta = Json.metadata(service);
        String name = meta.path("name").asText();
        ObjectNode spec = service.withObjectProperty("spec");
        JsonNode currentSpec = current == null ? null : current.path("spec");
        Held held = new Held(ObjectStore.key(kind, meta.path("namespace").asText(), name));
        lock.lock();
        try {
            load();
            try {
                if (ServiceTypeFields.needsClusterIp(spec)) {
                    clusterIp(spec, currentSpec, held, name);
                }
                if (ServiceTypeFields.needsNodePorts(spec)) {
                    nodePorts(spec, currentSpec, held, name);
                }
            } catch (RuntimeException e) {
                held.release();
                throw e;
            }
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Reports a key this server deleted ({@link Storage#delete}'s answer); keys other than Services' are ignored. */
    void deleted(KeyValue deletion) {
        if (!deletion.key().startsWith(PREFIX)) {
            return;
        }
        lock.lock();
        try {
            if (loaded) {
                report(deletion.key(), deletion.modRevision(), null);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (watch != null) {
                watch.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Builds the state from the stored Services and follows them, the first time a Service is written. */
    private void load() {
        if (loaded) {
            return;
        }
        ListResult stored = storage.list(PREFIX, 0, null, 0);
        // events are applied under the lock this thread holds, so none is applied before the list
        watch = storage.watch(PREFIX, stored.revision(), this::onEvent);
        for (KeyValue kv : stored.items()) {
            replace(kv.key(), null, new Known(kv.modRevision(), holdings(kv)));
        }
        watched = stored.revision();
        loaded = true;
    }

    private void onEvent(WatchEvent event) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            String key = event.kv().key();
            Known old = known.get(key);
            if (old == null || old.revision() < event.revision()) {
                if (event.type() == WatchEvent.Type.DELETED) {
                    known.remove(key);
                    release(old == null ? null : old.holdings());
                } else {
                    replace(key, old, new Known(event.revision(), holdings(event.kv())));
                }
            }
            watched = event.revision();
            SortedMap<Long, String> delivered = tombstones.headMap(watched, true);
            delivered.forEach((revision, tombstone) -> known.remove(tombstone, new Known(revision, null)));
            delivered.clear();
        } finally {
            lock.unlock();
        }
    }

    /** What this server's own write stored at {@code revision}; {@code holdings} null for a deletion. */
    private void report(String key, long revision, Holdings holdings) {
        Known old = known.get(key);
        if (revision <= watched || old != null && old.revision() >= revision) {
            return;
        }
        replace(key, old, new Known(revision, holdings));
        if (holdings == null) {
            tombstones.put(revision, key);
        }
    }

    private void replace(String key, Known old, Known next) {
        known.put(key, next);
        hold(next.holdings());
        release(old == null ? null : old.holdings());
    }

    private void hold(Holdings holdings) {
        if (holdings != null) {
            ips.hold(holdings.ip());
            for (int port : holdings.nodePorts()) {
                nodePorts.hold(port);
            }
        }
    }

    private void release(Holdings holdings) {
        if (holdings != null) {
            ips.release(holdings.ip());
            for (int port : holdings.nodePorts()) {
                nodePorts.release(port);
            }
        }
    }

    private Holdings holdings(KeyValue kv) {
        try {
            return holdings(Json.parse(kv.value()).path("spec"));
        } catch (RuntimeException e) {
            LOG.warn("stored service {} is unreadable; it holds no cluster IP or node port", kv.key(), e);
            return Holdings.NONE;
        }
    }

    /** The values of the range a Service of this spec holds: those its type uses. */
    private Holdings holdings(JsonNode spec) {
        long ip = -1;
        if (ServiceTypeFields.needsClusterIp(spec)) {
            long address = ServiceRanges.address(spec.path("clusterIP").asText(""));
            ip = ranges.containsAddress(address) ? address : -1;
        }
        if (!ServiceTypeFields.needsNodePorts(spec)) {
            return new Holdings(ip, Holdings.NONE.nodePorts());
        }
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : spec.path("ports")) {
            if (ranges.containsNodePort(port.path("nodePort").asInt(0))) {
                ports.add(port.path("nodePort").asInt());
            }
        }
        return new Holdings(ip, ports.stream().mapToInt(Integer::intValue).toArray());
    }

    private void clusterIp(ObjectNode spec, JsonNode currentSpec, Held held, String name) {
        String currentIp = currentSpec != null && ServiceTypeFields.needsClusterIp(currentSpec)
                ? currentSpec.path("clusterIP").asText("") : "";
        String ip = spec.path("clusterIP").asText("");
        if (ip.isEmpty()) {
            ip = currentIp;
        } else if (!currentIp.isEmpty() && !ip.equals(currentIp)) {
            throw invalid(name, "spec.clusterIPs[0]", "Invalid value: []string{\"" + ip + "\"}: may not change once set");
        }
        if (ip.isEmpty()) {
            long address = ips.pickFree(ranges.network() + LOW_ADDRESSES_KEPT, ranges.network() + ranges.size() - 2);
            if (address < 0) {
                throw invalid(name, "spec.clusterIPs", "Internal error: failed to allocate a serviceIP: range is full");
            }
            held.ip(address);
            ip = ServiceRanges.format(address);
        } else if (!ip.equals("None") && !ip.equals(currentIp)) {
            long address = ServiceRanges.address(ip);
            String prefix = "Invalid value: []string{\"" + ip + "\"}: failed to allocate IP " + ip + ": ";
            if (!ranges.containsAddress(address)) {
                throw invalid(name, "spec.clusterIPs", prefix + "the provided IP (" + ip + ") is not in the valid"
                        + " range. The range of valid IPs is " + ranges.clusterIpRange());
            }
            if (ips.isTaken(address)) {
                throw invalid(name, "spec.clusterIPs", prefix + "provided IP is already allocated");
            }
            held.ip(address);
        }
        spec.put("clusterIP", ip);
        spec.putArray("clusterIPs").add(ip);
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        if (!spec.has("ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", "SingleStack");
        }
    }

    private void nodePorts(ObjectNode spec, JsonNode currentSpec, Held held, String name) {
        boolean hadNodePorts = currentSpec != null && ServiceTypeFields.needsNodePorts(currentSpec);
        Holdings own = hadNodePorts ? holdings(currentSpec) : Holdings.NONE;
        Set<Integer> used = new HashSet<>();
        int index = 0;
        for (JsonNode node : spec.path("ports")) {
            if (node instanceof ObjectNode port) {
                int nodePort = port.path("nodePort").asInt(0);
                if (nodePort == 0 && hadNodePorts) {
                    nodePort = sameCurrentPort(port, currentSpec.path("ports"));
                }
                String field = "spec.ports[" + index + "].nodePort";
                if (nodePort == 0) {
                    long free = nodePorts.pickFree(ranges.nodePortMin(), ranges.nodePortMax());
                    if (free < 0) {
                        throw invalid(name, "spec.ports", "Internal error: failed to allocate a nodePort: range is full");
                    }
                    nodePort = (int) free;
                    held.nodePort(nodePort);
                } else if (!ranges.containsNodePort(nodePort)) {
                    throw invalid(name, field, "Invalid value: " + nodePort + ": provided port is not in the valid"
                            + " range. The range of valid ports is " + ranges.nodePortRange());
                } else if (used.contains(nodePort) || !own.holdsNodePort(nodePort) && nodePorts.isTaken(nodePort)) {
                    throw invalid(name, field, "Invalid value: " + nodePort + ": provided port is already allocated");
                } else if (!own.holdsNodePort(nodePort)) {
                    held.nodePort(nodePort);
                }
                used.add(nodePort);
                port.put("nodePort", nodePort);
            }
            index++;
        }
    }

    /** The node port the stored service already has for the same port and protocol, or 0. */
    private static int sameCurrentPort(JsonNode port, JsonNode currentPorts) {
        for (JsonNode existing : currentPorts) {
            if (existing.path("port").asInt() == port.path("port").asInt()
                    && existing.path("protocol").asText("TCP").equals(port.path("protocol").asText("TCP"))) {
                return existing.path("nodePort").asInt(0);
            }
        }
        return 0;
    }

    private static ApiException invalid(String name, String field, String message) {
        return ApiException.invalid("", "Service", name, List.of(new ApiException.Cause("FieldValueInvalid", message,
                field)));
    }

    /** The values one write reserved; they are held from the moment they are picked. */
    private final class Held implements Reservation {
        private final String key;
        private long ip = -1;
        private final List<Integer> ports = new ArrayList<>(1);
        private boolean released;

        Held(String key) {
            this.key = key;
        }

        void ip(long address) {
            ips.hold(address);
            ip = address;
        }

        void nodePort(int port) {
            nodePorts.hold(port);
            ports.add(port);
        }

        @Override
        public void stored(ObjectNode object) {
            long revision = Long.parseLong(Json.metadata(object).path("resourceVersion").asText());
            Holdings holdings = holdings(object.path("spec"));
            lock.lock();
            try {
                report(key, revision, holdings);
                release();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                release();
            } finally {
                lock.unlock();
            }
        }

        /** Under the lock. */
        void release() {
            if (!released) {
                released = true;
                ips.release(ip);
                ports.forEach(nodePorts::release);
            }
        }
    }
}
