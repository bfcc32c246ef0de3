/**
 * Values of neighbour searches that users hold: a {@link dev.orion.neighbors.Neighbor} is one
 * periodic image of one site seen from a centre site. The search itself (cell lists, coordination
 * numbers, radial distribution functions) lives in orion-core's package of the same name.
 */
package dev.orion.neighbors;
