/**
 * Jupyter display for ORION: {@link dev.orion.jupyter.OrionJupyterExtension} makes structures,
 * compositions, symmetry, neighbour lists, stored records and XChart charts render as HTML tables and
 * images in the JJava kernel. The artifact {@code orion-jupyter} is optional, so that orion-core never
 * depends on a notebook kernel.
 */
package dev.orion.jupyter;
