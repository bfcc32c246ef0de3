/** The workflow command line ({@code scripts/workflow}): validate, plan and run workflow files, list the templates. */
package dev.orion.samples.workflow;
