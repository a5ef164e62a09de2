package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.ssa.ServerSideApplier;
import dev.jctl.runtime.apiserver.ssa.UpdateRecorder;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/** Maps method + target to the verb handler, checking the kind's verbs and subresources first. */
public final class ResourceRouter implements AutoCloseable {
    private final Reader reader;
    private final Creator creator;
    private final Updater updater;
    private final Patcher patcher;
    private final Deleter deleter;
    private final Scaler scaler;
    private final PodSubresources pods;
    private final PodLogs logs;
    private final Watcher watcher;
    private final ServiceAllocator services;

    public ResourceRouter(ObjectStore store, KindRegistry registry, ServiceRanges serviceRanges, Clock clock,
                          ScheduledExecutorService timers, Duration bookmarkInterval) {
        this.services = new ServiceAllocator(store.storage(), serviceRanges);
        this.reader = new Reader(store);
        this.creator = new Creator(store, registry, services, clock);
        this.updater = new Updater(store, services);
        this.scaler = new Scaler(store, updater);
        this.patcher = new Patcher(updater, scaler, new ServerSideApplier(store, creator, updater, clock));
        this.deleter = new Deleter(store, registry, updater, reader, services, clock);
        this.pods = new PodSubresources(updater, deleter);
        this.logs = new PodLogs(store, registry);
        this.watcher = new Watcher(store, reader, timers, bookmarkInterval);
    }

    public Creator creator() {
        return creator;
    }

    public static boolean isWatch(ApiRequest request) {
        String watch = request.param("watch");
        return request.method().equals("GET") && request.target().isCollection()
                && ("1".equals(watch) || "true".equals(watch));
    }

    /** A GET asking to become a WebSocket: only watches are served that way. */
    public static boolean isWatchUpgrade(String method, String upgradeHeader) {
        return method.equals("GET") && "websocket".equalsIgnoreCase(upgradeHeader);
    }

    public void watch(ApiRequest request, EventSink sink, Rendering render) {
        check(request.target(), "watch");
        watcher.watch(request, sink, render);
    }

    /**
     * {@link #handle}, with a create completing when its commit does (see {@link Creator#createAsync}) instead of
     * on a thread parked for it; everything else is handled on the calling thread.
     */
    public CompletableFuture<Reply> handleAsync(ApiRequest request) {
        RequestTarget t = request.target();
        if (request.method().equals("POST") && t.isCollection() && t.subresource() == null) {
            return create(request);
        }
        return CompletableFuture.completedFuture(handle(request));
    }

    public Reply handle(ApiRequest request) {
        RequestTarget t = request.target();
        KindInfo kind = t.kind();
        if (kind.namespaced() && t.namespace() == null && t.name() != null) {
            throw ApiException.noSuchResource();
        }
        if (t.subresource() != null && kind.subresource(t.subresource()).isEmpty()) {
            throw ApiException.noSuchResource();
        }
        String sub = t.subresource();
        switch (request.method()) {
            case "GET" -> {
                if (t.isCollection()) {
                    check(t, "list");
                    return Reply.ok(reader.listToSend(request));
                }
                check(t, "get");
                if ("scale".equals(sub)) {
                    return Reply.ok(scaler.get(t));
                }
                if ("log".equals(sub)) {
                    return logs.get(request);
                }
                if (sub == null || sub.equals("status")) {
                    return reader.get(request);
                }
            }
            case "POST" -> {
                if (t.isCollection()) {
                    return Creator.join(create(request));
                }
                if ("binding".equals(sub)) {
                    return pods.bind(request);
                }
                if ("eviction".equals(sub)) {
                    return pods.evict(request);
                }
            }
            case "PUT" -> {
                if (!t.isCollection()) {
                    check(t, "update");
                    if ("scale".equals(sub)) {
                        ObjectNode desired = Bodies.object(request.body(), "autoscaling/v1", "Scale");
                        Decoding.body(t, request.body(), desired);
                        return Reply.ok(scaler.update(t, scale -> desired, false, request.dryRun(),
                                UpdateRecorder.forRequest(request)));
                    }
                    if (sub == null || sub.equals("status")) {
                        return updater.replace(request);
                    }
                }
            }
            case "PATCH" -> {
                if (!t.isCollection() && (sub == null || sub.equals("status") || sub.equals("scale"))) {
                    check(t, "patch");
                    return patcher.patch(request);
                }
            }
            case "DELETE" -> {
                if (t.isCollection()) {
                    check(t, "deletecollection");
                    return deleter.deleteCollection(request);
                }
                if (sub == null) {
                    check(t, "delete");
                    return deleter.delete(request);
                }
            }
            default -> {
            }
        }
        throw ApiException.methodNotAllowed();
    }

    private CompletableFuture<Reply> create(ApiRequest request) {
        RequestTarget t = request.target();
        if (t.kind().namespaced() && t.namespace() == null) {
            throw ApiException.methodNotAllowed();
        }
        check(t, "create");
        return creator.createAsync(request);
    }

    /** Stops following the stored Services; call when no request is served any more. */
    @Override
    public void close() {
        services.close();
    }

    private static void check(RequestTarget t, String verb) {
        if (!t.kind().hasVerb(verb)) {
            throw ApiException.methodNotAllowed();
        }
    }
}
