package dev.orion.io.cif;

import java.util.Arrays;

/**
 * Every value of a parsed CIF, stored column-wise as offsets into the source text (two ints and a
 * byte per value), so that a loop of millions of {@code ?} costs megabytes, not hundreds of them.
 */
final class CifValues {

    /** An unquoted value. */
    static final byte BARE = 0;
    /** A value in single or double quotes. */
    static final byte QUOTED = 1;
    /** A multi-line text field between lines starting with {@code ;}. */
    static final byte TEXT_FIELD = 2;
    /** An unquoted {@code ?}: the value is unknown. */
    static final byte UNKNOWN = 3;
    /** An unquoted {@code .}: the value is inapplicable (or the default). */
    static final byte INAPPLICABLE = 4;

    /** Typical CIF text has a value every ten or so characters; the arrays double when it has more. */
    private static final int CHARACTERS_PER_VALUE = 10;

    private final String text;
    private int[] starts;
    private int[] ends;
    private byte[] kinds;
    private int size;

    CifValues(String text) {
        this.text = text;
        int capacity = Math.max(64, text.length() / CHARACTERS_PER_VALUE);
        starts = new int[capacity];
        ends = new int[capacity];
        kinds = new byte[capacity];
    }

    int add(int start, int end, byte kind) {
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        kinds[size] = kind;
        return size++;
    }

    int size() {
        return size;
    }

    String text(int i) {
        return text.substring(starts[i], ends[i]);
    }

    byte kind(int i) {
        return kinds[i];
    }

    /** @return whether the value is an unquoted {@code ?} or {@code .} */
    boolean isMissing(int i) {
        return kinds[i] == UNKNOWN || kinds[i] == INAPPLICABLE;
    }

    /** @return the offset of the value's first character, its opening quote or {@code ;} included */
    int offset(int i) {
        return kinds[i] == QUOTED || kinds[i] == TEXT_FIELD ? starts[i] - 1 : starts[i];
    }

    /**
     * Reads a number as CIF writes it: an optional standard uncertainty in parentheses after the
     * digits ({@code 1.234(5)} is 1.234) is dropped.
     *
     * @return the value, or NaN if the value is missing or not a number
     */
    double number(int i) {
        if (isMissing(i)) {
            return Double.NaN;
        }
        int s = starts[i];
        int e = ends[i];
        if (e > s && text.charAt(e - 1) == ')') {
            int open = text.lastIndexOf('(', e - 1);
            if (open <= s) {
                return Double.NaN;
            }
            for (int k = open + 1; k < e - 1; k++) {
                if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                    return Double.NaN;
                }
            }
            e = open;
        }
        return CifNumbers.parse(text, s, e);
    }
}
