package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.io.internal.SourceText;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Offsets to lines and columns, with every kind of line terminator. */
class CifPositionsTest {

    @Test
    void linesAndColumnsMatchACharacterByCharacterCount() {
        Random random = new Random(7);
        String[] pieces = {"a", "bc", " ", "\n", "\r\n", "\r", "\n\n"};
        for (int t = 0; t < 300; t++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            boolean crFree = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                String p = pieces[random.nextInt(pieces.length)];
                sb.append(crFree ? p.replace("\r", "") : p);
            }
            String text = sb.toString();
            CifPositions positions = new CifPositions(SourceText.of(text));
            int line = 1;
            int column = 1;
            for (int offset = 0; offset < text.length(); offset++) {
                assertThat(positions.line(offset)).as("line of %d in %s", offset, text).isEqualTo(line);
                assertThat(positions.column(offset)).as("column of %d in %s", offset, text).isEqualTo(column);
                char c = text.charAt(offset);
                boolean ends = c == '\n' || (c == '\r' && (offset + 1 >= text.length() || text.charAt(offset + 1) != '\n'));
                if (ends) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        }
    }
}
