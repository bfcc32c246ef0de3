/**
 * Machinery the structure readers and writers of {@code dev.orion.io}'s sub-packages share: located
 * source text for error positions, and the sanity limits on cells. Not part of ORION's API: public
 * only because several packages use it; it may change without notice.
 */
package dev.orion.io.internal;
