package dev.orion.core.check;

import dev.orion.check.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * An agent's text after {@link NumericClaimCheck#correct}: every number that contradicts the store replaced
 * by the stored value and flagged in place ({@code "-0.0523 [corrected: the agent said -0.090]"}).
 *
 * @param original the text as the agent wrote it
 * @param text     the corrected text (equal to {@code original} when every claim matched)
 * @param verdict  FAIL if a claim was overridden, WARN if a claim has nothing stored to back it, else PASS
 * @param claims   every claim found, in the order of the text
 */
public record CheckedText(String original, String text, Verdict verdict, List<NumericClaim> claims) {

    /** Validates and copies. */
    public CheckedText {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(verdict, "verdict");
        claims = List.copyOf(claims);
    }

    /** @return whether a number was overridden */
    public boolean corrected() {
        return !text.equals(original);
    }
}
