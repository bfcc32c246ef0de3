/** JMH benchmark of neighbour lists against pymatgen's published timings. */
package dev.orion.bench.neighbors;
