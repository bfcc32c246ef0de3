/**
 * Machinery the engines share: element type order, file hashing for content keys, lazily probed
 * program versions, and confinement of potential files to their folder. Not part of ORION's API:
 * public only because several engine packages use it; it may change without notice.
 */
package dev.orion.engines.internal;
