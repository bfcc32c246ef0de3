/**
 * Progress of long work (a campaign, a batch of jobs, a folder of structure files read in bulk) as
 * {@link dev.orion.progress.Progress} values handed to a {@link dev.orion.progress.ProgressListener}, so that a
 * terminal program can draw a bar, a notebook an updating display and a service a metric.
 */
package dev.orion.progress;
