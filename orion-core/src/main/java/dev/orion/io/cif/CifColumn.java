package dev.orion.io.cif;

/**
 * The values of one tag in a data block: a column of a {@code loop_}, or a single value for a tag
 * outside a loop (a column of one row). Columns of one loop have the same number of rows.
 */
final class CifColumn {

    private final String tag;
    private final int tagOffset;
    private final CifValues values;
    private final int base;
    private final int width;
    private final int rows;
    private final int loopId;

    CifColumn(String tag, int tagOffset, CifValues values, int base, int width, int rows, int loopId) {
        this.tag = tag;
        this.tagOffset = tagOffset;
        this.values = values;
        this.base = base;
        this.width = width;
        this.rows = rows;
        this.loopId = loopId;
    }

    /** @return the tag, in lower case */
    String tag() {
        return tag;
    }

    /** @return the offset of the tag in the source */
    int tagOffset() {
        return tagOffset;
    }

    int size() {
        return rows;
    }

    /** @return an id shared by the columns of one loop ({@code -1} for a tag outside loops) */
    int loopId() {
        return loopId;
    }

    String text(int row) {
        return values.text(index(row));
    }

    boolean isMissing(int row) {
        return values.isMissing(index(row));
    }

    /** @return the number in the row (standard uncertainty dropped), NaN if missing or not a number */
    double number(int row) {
        return values.number(index(row));
    }

    int offset(int row) {
        return values.offset(index(row));
    }

    private int index(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows + " in " + tag);
        }
        return base + row * width;
    }
}
