/** Samples of ORION's tenant-aware persistence. */
package dev.orion.samples.store;
