package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The lines kubectl prints for each kind of volume source. */
final class Volumes {
    private static final int MAX_ATTRIBUTE = 140;

    private Volumes() {
    }

    static void describe(PrefixWriter w, JsonNode volume) {
        if (has(volume, "hostPath")) {
            JsonNode v = volume.path("hostPath");
            String type = Text.present(v.path("type")) ? v.path("type").asText() : "<none>";
            w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t" + Text.str(v.path("path"))
                    + "\n    HostPathType:\t" + type + "\n");
        } else if (has(volume, "emptyDir")) {
            JsonNode v = volume.path("emptyDir");
            Quantity limit = Quantity.of(v.path("sizeLimit"));
            w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t"
                    + Text.str(v.path("medium")) + "\n    SizeLimit:\t"
                    + (limit.value().signum() > 0 ? limit.toString() : "<unset>") + "\n");
        } else if (has(volume, "gcePersistentDisk")) {
            JsonNode v = volume.path("gcePersistentDisk");
            w.write(2, "Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n"
                    + "    PDName:\t" + Text.str(v.path("pdName")) + "\n    FSType:\t" + Text.str(v.path("fsType"))
                    + "\n    Partition:\t" + v.path("partition").asLong(0) + "\n    ReadOnly:\t"
                    + v.path("readOnly").asBoolean(false) + "\n");
        } else if (has(volume, "awsElasticBlockStore")) {
            JsonNode v = volume.path("awsElasticBlockStore");
            w.write(2, "Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t"
                    + Text.str(v.path("volumeID")) + "\n    FSType:\t" + Text.str(v.path("fsType"))
                    + "\n    Partition:\t" + v.path("partition").asLong(0) + "\n    ReadOnly:\t"
                    + v.path("readOnly").asBoolean(false) + "\n");
        } else if (has(volume, "gitRepo")) {
            JsonNode v = volume.path("gitRepo");
            w.write(2, "Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n"
                    + "    Repository:\t" + Text.str(v.path("repository")) + "\n    Revision:\t"
                    + Text.str(v.path("revision")) + "\n");
        } else if (has(volume, "secret")) {
            JsonNode v = volume.path("secret");
            w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t"
                    + Text.str(v.path("secretName")) + "\n    Optional:\t" + v.path("optional").asBoolean(false)
                    + "\n");
        } else if (has(volume, "configMap")) {
            JsonNode v = volume.path("configMap");
            w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t"
                    + Text.str(v.path("name")) + "\n    Optional:\t" + v.path("optional").asBoolean(false) + "\n");
        } else if (has(volume, "nfs")) {
            JsonNode v = volume.path("nfs");
            w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t"
                    + Text.str(v.path("server")) + "\n    Path:\t" + Text.str(v.path("path")) + "\n    ReadOnly:\t"
                    + v.path("readOnly").asBoolean(false) + "\n");
        } else if (has(volume, "persistentVolumeClaim")) {
            JsonNode v = volume.path("persistentVolumeClaim");
            w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same "
                    + "namespace)\n    ClaimName:\t" + Text.str(v.path("claimName")) + "\n    ReadOnly:\t"
                    + v.path("readOnly").asBoolean(false) + "\n");
        } else if (has(volume, "ephemeral")) {
            w.write(2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted "
                    + "with the pod)\n");
            JsonNode template = volume.path("ephemeral").path("volumeClaimTemplate");
            if (Text.present(template)) {
                PersistentVolumeClaimDescriber.claim(w.nested(2), template, false);
            }
        } else if (has(volume, "downwardAPI")) {
            w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
            for (JsonNode item : volume.path("downwardAPI").path("items")) {
                if (Text.present(item.path("fieldRef"))) {
                    w.write(3, Text.str(item.path("fieldRef").path("fieldPath")) + " -> " + Text.str(item.path("path"))
                            + "\n");
                }
                if (Text.present(item.path("resourceFieldRef"))) {
                    w.write(3, Text.str(item.path("resourceFieldRef").path("resource")) + " -> "
                            + Text.str(item.path("path")) + "\n");
                }
            }
        } else if (has(volume, "projected")) {
            projected(w, volume.path("projected"));
        } else if (has(volume, "csi")) {
            JsonNode v = volume.path("csi");
            w.write(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t"
                    + Text.str(v.path("driver")) + "\n    FSType:\t" + Text.str(v.path("fsType"))
                    + "\n    ReadOnly:\t" + v.path("readOnly").asBoolean(false) + "\n");
            attributes(w, v.path("volumeAttributes"));
        } else if (has(volume, "image")) {
            JsonNode v = volume.path("image");
            w.write(2, "Type:\tImage (a container image or OCI artifact)\n    Reference:\t"
                    + Text.str(v.path("reference")) + "\n    PullPolicy:\t" + Text.str(v.path("pullPolicy")) + "\n");
        } else {
            w.write(1, "<unknown>\n");
        }
    }

    /**
     * The source of a PersistentVolume, as kubectl's PersistentVolume describer prints it: the kinds a pod volume
     * shares with it as for a pod; local and CSI volumes (with their volume handle) as persistent ones.
     */
    static void describePersistent(PrefixWriter w, JsonNode spec) {
        if (has(spec, "local")) {
            w.write(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t"
                    + Text.str(spec.path("local").path("path")) + "\n");
        } else if (has(spec, "csi")) {
            JsonNode v = spec.path("csi");
            w.write(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t"
                    + Text.str(v.path("driver")) + "\n    FSType:\t" + Text.str(v.path("fsType"))
                    + "\n    VolumeHandle:\t" + Text.str(v.path("volumeHandle")) + "\n    ReadOnly:\t"
                    + v.path("readOnly").asBoolean(false) + "\n");
            attributes(w, v.path("volumeAttributes"));
        } else if (has(spec, "hostPath") || has(spec, "gcePersistentDisk") || has(spec, "awsElasticBlockStore")
                || has(spec, "nfs")) {
            describe(w, spec);
        } else {
            w.write(1, "<unknown>\n");
        }
    }

    private static boolean has(JsonNode volume, String source) {
        return Text.present(volume.path(source));
    }

    private static void projected(PrefixWriter w, JsonNode projected) {
        w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        for (JsonNode source : projected.path("sources")) {
            if (Text.present(source.path("secret"))) {
                w.write(2, "SecretName:\t" + Text.str(source.path("secret").path("name"))
                        + "\n    SecretOptionalName:\t" + optional(source.path("secret")) + "\n");
            } else if (Text.present(source.path("downwardAPI"))) {
                w.write(2, "DownwardAPI:\ttrue\n");
            } else if (Text.present(source.path("configMap"))) {
                w.write(2, "ConfigMapName:\t" + Text.str(source.path("configMap").path("name"))
                        + "\n    ConfigMapOptional:\t" + optional(source.path("configMap")) + "\n");
            } else if (Text.present(source.path("serviceAccountToken"))) {
                w.write(2, "TokenExpirationSeconds:\t"
                        + source.path("serviceAccountToken").path("expirationSeconds").asLong() + "\n");
            }
        }
    }

    /** kubectl prints the optional flag's pointer here: {@code <nil>} when unset (a set one cannot match). */
    private static String optional(JsonNode source) {
        return Text.present(source.path("optional")) ? source.path("optional").asText() : "<nil>";
    }

    private static void attributes(PrefixWriter w, JsonNode attributes) {
        w.write(2, "VolumeAttributes:\t");
        Map<String, String> map = Text.map(attributes);
        if (map.isEmpty()) {
            w.writeLine("<none>");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> attribute : map.entrySet()) {
            if (!first) {
                w.write(2, "").write(2, "\t");
            }
            first = false;
            String line = attribute.getKey() + "=" + attribute.getValue();
            w.write(2, (line.length() > MAX_ATTRIBUTE ? line.substring(0, MAX_ATTRIBUTE) + "..." : line) + "\n");
        }
    }
}
