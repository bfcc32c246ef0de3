package dev.orion.progress;

import java.util.Objects;

/**
 * How far a piece of long work has come: {@code done} of {@code total} units, with a short label saying what
 * the work is and, when useful, what it has found so far (e.g. {@code "reading structures: 12 failed"}).
 *
 * @param done  units finished, from 0 to {@code total}
 * @param total units in all (&gt;= 0; 0 for work with nothing to do)
 * @param label what is being done, for display
 */
public record Progress(long done, long total, String label) {

    /** Validates. */
    public Progress {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, got " + total);
        }
        if (done < 0 || done > total) {
            throw new IllegalArgumentException("done must be in [0, total = " + total + "], got " + done);
        }
        Objects.requireNonNull(label, "label");
    }

    /** @return the finished fraction, from 0 to 1 (1 when there is nothing to do) */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    /** @return whether every unit is done */
    public boolean isComplete() {
        return done == total;
    }
}
