/**
 * Plots of what ORION computes, as XChart charts ({@link org.knowm.xchart.XYChart}) that plain Java, a notebook,
 * the HTML campaign report or a web page can show: relaxation traces, MD thermo traces, radial distribution
 * functions, campaign convergence, parity plots, Pareto fronts and LLM cost and latency over time
 * ({@link dev.orion.core.plot.Plots}); {@link dev.orion.core.plot.ChartFiles} writes them as PNG or SVG.
 */
package dev.orion.core.plot;
