package dev.jctl.cli.client;

import java.nio.file.Path;

/**
 * What the command line says about which cluster to talk to, as kubectl's flags do: {@code --kubeconfig}
 * (only that file; otherwise {@code KUBECONFIG}'s files merged, then {@code ~/.kube/config}, then the
 * in-cluster service account), {@code --context}, {@code -n}. Null means "not given".
 *
 * @param cacheDir where discovery is cached; null for the default ({@code ~/.kube/cache}, like kubectl)
 */
public record ConnectionSettings(Path kubeconfig, String context, String namespace, Path cacheDir) {
}
