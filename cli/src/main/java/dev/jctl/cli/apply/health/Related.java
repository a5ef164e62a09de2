package dev.jctl.cli.apply.health;

/**
 * Other objects whose changes can change an object's health (a Service's Endpoints), as a list query.
 *
 * @param fieldSelector null for none
 * @param labelSelector null for none
 */
public record Related(String apiVersion, String kind, String namespace, String fieldSelector, String labelSelector) {
}
