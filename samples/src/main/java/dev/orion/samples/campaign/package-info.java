/** Closed-loop design campaigns with a real simulation in the loop. */
package dev.orion.samples.campaign;
