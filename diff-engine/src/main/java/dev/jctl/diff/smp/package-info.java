/**
 * Kubernetes strategic merge patch, a port of {@code k8s.io/apimachinery/pkg/util/strategicpatch}.
 *
 * <p>{@link dev.jctl.diff.smp.StrategicMergePatch} applies and creates patches (two-way, and three-way with
 * conflict detection). How lists and maps merge comes from a {@link dev.jctl.diff.smp.PatchMeta}: read from an
 * OpenAPI v2 or v3 document ({@link dev.jctl.diff.smp.OpenApiPatchMeta}) or taken from the built-in table of
 * Kubernetes kinds ({@link dev.jctl.diff.smp.BuiltinPatchMeta}).
 *
 * <p>Internally documents are decoded into the value model Go uses ({@code GoValue},
 * {@code GoSlice}) so that the algorithm can follow upstream statement by statement: its
 * results depend on Go's sort algorithms, {@code fmt} formatting, type identity of int64 and float64, and on
 * slices sharing backing arrays.
 */
package dev.jctl.diff.smp;
