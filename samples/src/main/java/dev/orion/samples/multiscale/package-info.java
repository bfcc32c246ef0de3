/** Samples that chain scales: atomistic results feeding continuum models, with provenance. */
package dev.orion.samples.multiscale;
