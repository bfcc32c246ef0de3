package dev.orion.io.cif;

import dev.orion.StructureParseException;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import java.util.Arrays;

/**
 * Turns character offsets into 1-based lines and columns. Tokens are stored as offsets only (cheap
 * for huge loops); the line index is built on the first error or warning, in one pass.
 */
final class CifPositions {

    private final SourceText source;
    private int[] lineStarts;
    private int lineCount;

    CifPositions(SourceText source) {
        this.source = source;
    }

    SourceText source() {
        return source;
    }

    int line(int offset) {
        index();
        int i = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    int column(int offset) {
        int line = line(offset);
        return offset - lineStarts[line - 1] + 1;
    }

    StructureParseException error(int offset, String message) {
        return source.error(line(offset), column(offset), message);
    }

    ReadWarning warning(int offset, String message) {
        return source.warning(offset < 0 ? 0 : line(offset), message);
    }

    private void index() {
        if (lineStarts != null) {
            return;
        }
        String text = source.text();
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 0;
        starts[count++] = 0;
        int n = text.length();
        if (text.indexOf('\r') < 0) {
            // The usual case: only \n ends lines, and indexOf scans for it many characters at a time.
            for (int i = text.indexOf('\n'); i >= 0 && i + 1 < n; i = text.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        } else {
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                    if (i + 1 < n) {
                        if (count == starts.length) {
                            starts = Arrays.copyOf(starts, count * 2);
                        }
                        starts[count++] = i + 1;
                    }
                }
            }
        }
        lineStarts = starts;
        lineCount = count;
    }
}
