package dev.jctl.runtime.storage;

import java.util.List;

/** A page of a list: the items, the revision the list was read at, and whether more items follow. */
public record ListResult(List<KeyValue> items, long revision, boolean more) {
}
