package dev.orion.core.jobs;

import dev.orion.OrionException;

/** A job that was awaited for its result failed, was cancelled or did not finish in time. */
public class JobFailedException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final String jobId;

    /** @param jobId the job  @param message what happened to it */
    public JobFailedException(String jobId, String message) {
        super("job " + jobId + " has no result: " + message);
        this.jobId = jobId;
    }

    /** @return the job */
    public String jobId() {
        return jobId;
    }
}
