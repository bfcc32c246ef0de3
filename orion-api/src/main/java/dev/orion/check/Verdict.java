package dev.orion.check;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Check} said about one subject.
 *
 * @param check   the check's name
 * @param grade   pass, warn or fail
 * @param reasons why (empty only for a pass); each a sentence naming the value at fault
 */
public record Verdict(String check, Grade grade, List<String> reasons) {

    /** The longest check name. */
    public static final int MAX_CHECK_LENGTH = 100;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the name is blank or too long, or a warning or failure gives no reason
     */
    public Verdict {
        Objects.requireNonNull(check, "check");
        if (check.isBlank() || check.length() > MAX_CHECK_LENGTH) {
            throw new IllegalArgumentException("check must be 1-" + MAX_CHECK_LENGTH + " characters, got '" + check + "'");
        }
        Objects.requireNonNull(grade, "grade");
        reasons = List.copyOf(reasons);
        if (grade != Grade.PASS && reasons.isEmpty()) {
            throw new IllegalArgumentException("a " + grade + " verdict of " + check + " needs a reason");
        }
    }

    /** @param check the check's name  @return a pass */
    public static Verdict pass(String check) {
        return new Verdict(check, Grade.PASS, List.of());
    }

    /** @param check the check's name  @param reasons why  @return a verdict graded by whether there are reasons */
    public static Verdict failIf(String check, List<String> reasons) {
        return new Verdict(check, reasons.isEmpty() ? Grade.PASS : Grade.FAIL, reasons);
    }

    /** @param check the check's name  @param reason why  @return a warning */
    public static Verdict warn(String check, String reason) {
        return new Verdict(check, Grade.WARN, List.of(reason));
    }

    /** @param check the check's name  @param reason why  @return a failure */
    public static Verdict fail(String check, String reason) {
        return new Verdict(check, Grade.FAIL, List.of(reason));
    }

    /** @return whether the subject failed */
    public boolean failed() {
        return grade == Grade.FAIL;
    }
}
