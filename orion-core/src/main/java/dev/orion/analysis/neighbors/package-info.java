/**
 * Neighbour searches on periodic structures: {@link dev.orion.analysis.neighbors.Neighbors} (the entry point:
 * neighbour lists, coordination numbers, radial distribution functions, shortest distance),
 * {@link dev.orion.analysis.neighbors.NeighborList} (flat primitive columns and a per-site view) and
 * {@link dev.orion.analysis.neighbors.RadialDistribution}. One O(N) cell-list search, exact for cells of any
 * shape and cutoffs longer than the cell, serves them all.
 */
package dev.orion.analysis.neighbors;
