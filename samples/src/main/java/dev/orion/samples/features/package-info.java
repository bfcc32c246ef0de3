/** Sample: neighbour lists, radial distribution, descriptors and similarity search. */
package dev.orion.samples.features;
