package dev.jctl.cli.edit;

import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Discovery;

/** Resolving a command-line type, with kubectl's error for an unknown one. */
public final class Resources {
    private Resources() {
    }

    public static ApiResource resolve(Discovery discovery, String type) {
        return discovery.resolve(type).orElseThrow(() -> new IllegalArgumentException(
                "the server doesn't have a resource type \"" + type + "\""));
    }
}
