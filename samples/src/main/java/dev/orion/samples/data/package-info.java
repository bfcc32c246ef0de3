/** Samples that bring outside materials data (the Materials Project) into ORION. */
package dev.orion.samples.data;
