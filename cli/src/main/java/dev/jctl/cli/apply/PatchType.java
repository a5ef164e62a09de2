package dev.jctl.cli.apply;

/** The PATCH content types kubectl sends; the server picks the merge algorithm from them. */
public enum PatchType {
    STRATEGIC("application/strategic-merge-patch+json"),
    MERGE("application/merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
