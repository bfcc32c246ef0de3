/**
 * Implementation details shared by the campaign sub-packages (the bounded optimiser, the encoding of
 * design spaces, quasi-random sampling, normal-distribution helpers). Not part of ORION's API: anything
 * here may change without notice.
 */
package dev.orion.core.campaign.internal;
