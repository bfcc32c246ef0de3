package dev.orion.io.cif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.StructureParseException;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CIF 1.1 syntax: blocks, items, loops, quoting, text fields, comments, save frames, errors. */
class CifParserTest {

    private final List<ReadWarning> warnings = new ArrayList<>();

    private List<CifBlock> parse(String text) {
        return CifParser.parse(new CifPositions(SourceText.of("t.cif", text)), warnings);
    }

    private static StructureParseException failure(String text) {
        try {
            CifParser.parse(new CifPositions(SourceText.of("t.cif", text)), new ArrayList<>());
        } catch (StructureParseException e) {
            return e;
        }
        throw new AssertionError("expected a StructureParseException for:\n" + text);
    }

    @Test
    void readsItemsLoopsAndSeveralBlocks() {
        List<CifBlock> blocks = parse("data_one\n_cell_length_a 5.43(2)\nloop_\n_a\n_b\n1 2\n3 4\n"
                + "data_TWO\n_Cell_Length_A 4\n");
        assertThat(blocks).extracting(CifBlock::name).containsExactly("one", "TWO");
        CifColumn a = blocks.get(0).column("_cell_length_a").orElseThrow();
        assertThat(a.number(0)).isEqualTo(5.43);
        CifColumn b = blocks.get(0).column("_b").orElseThrow();
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.text(0)).isEqualTo("2");
        assertThat(b.text(1)).isEqualTo("4");
        assertThat(b.loopId()).isEqualTo(blocks.get(0).column("_a").orElseThrow().loopId());
        assertThat(blocks.get(1).column("_cell_length_a").orElseThrow().number(0)).isEqualTo(4.0);
    }

    @Test
    void quoteEndsAValueOnlyWhenWhitespaceFollows() {
        CifBlock block = parse("data_q\n_a 'it's here'\n_b \"say \"hi\"there\"\n_c 'x, y, z'\n_d O'1\n_e ''\n").get(0);
        assertThat(block.column("_a").orElseThrow().text(0)).isEqualTo("it's here");
        assertThat(block.column("_b").orElseThrow().text(0)).isEqualTo("say \"hi\"there");
        assertThat(block.column("_c").orElseThrow().text(0)).isEqualTo("x, y, z");
        assertThat(block.column("_d").orElseThrow().text(0)).isEqualTo("O'1");
        assertThat(block.column("_e").orElseThrow().text(0)).isEmpty();
    }

    @Test
    void aClosingQuoteFollowedByWhitespaceEndsTheValue() {
        StructureParseException e = failure("data_q\n_a 'x' y\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void textFieldsSpanLinesAndKeepSemicolonsInside() {
        CifBlock block = parse("data_t\n_title\n;first line\n second; line\n;\n_next 1\n").get(0);
        assertThat(block.column("_title").orElseThrow().text(0)).isEqualTo("first line\n second; line");
        assertThat(block.column("_next").orElseThrow().number(0)).isEqualTo(1.0);
    }

    @Test
    void commentsAndUnknownAndInapplicableValues() {
        CifBlock block = parse("# head\ndata_c # after header\n_a ? # unknown\n_b .\n_c '?'\n_d x#y\n").get(0);
        assertThat(block.column("_a").orElseThrow().isMissing(0)).isTrue();
        assertThat(block.column("_b").orElseThrow().isMissing(0)).isTrue();
        assertThat(block.column("_a").orElseThrow().number(0)).isNaN();
        assertThat(block.column("_c").orElseThrow().isMissing(0)).as("a quoted ? is a value").isFalse();
        assertThat(block.column("_d").orElseThrow().text(0)).isEqualTo("x#y");
    }

    @Test
    void crlfAndMixedLineEndingsAndTextFieldsAfterCr() {
        CifBlock block = parse("data_m\r\n_a 1\r_b 2\n_t\r\n;x\r\ny\r\n;\r\n_c 3").get(0);
        assertThat(block.column("_b").orElseThrow().number(0)).isEqualTo(2.0);
        assertThat(block.column("_t").orElseThrow().text(0)).isEqualTo("x\r\ny");
        assertThat(block.column("_c").orElseThrow().number(0)).isEqualTo(3.0);
    }

    @Test
    void numbersWithStandardUncertaintiesAndExponents() {
        CifBlock block = parse("data_n\nloop_\n_v\n1.234(5) -0.5(12) 2e3 .5 5. 1.0E-2 1(2 1.2(x) abc 1e999\n").get(0);
        CifColumn v = block.column("_v").orElseThrow();
        assertThat(v.number(0)).isEqualTo(1.234);
        assertThat(v.number(1)).isEqualTo(-0.5);
        assertThat(v.number(2)).isEqualTo(2000.0);
        assertThat(v.number(3)).isEqualTo(0.5);
        assertThat(v.number(4)).isEqualTo(5.0);
        assertThat(v.number(5)).isEqualTo(0.01);
        assertThat(v.number(6)).isNaN();
        assertThat(v.number(7)).isNaN();
        assertThat(v.number(8)).isNaN();
        assertThat(v.number(9)).isInfinite();
    }

    @Test
    void saveFramesAreSkippedAndGlobalBlocksWarned() {
        List<CifBlock> blocks = parse("global_\n_x 1\ndata_d\nsave_frame\n_inside 1\nsave_\n_outside 2\n");
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).column("_inside")).isEmpty();
        assertThat(blocks.get(0).column("_outside")).isPresent();
        assertThat(warnings).extracting(ReadWarning::message).anyMatch(m -> m.contains("global_"));
    }

    @Test
    void errorsNameLineAndColumn() {
        StructureParseException e = failure("data_x\n_a 1\n  _b 'open\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.reason()).contains("unterminated quoted value");

        e = failure("data_x\n_a\n;never closed\nmore\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).contains("unterminated text field");

        e = failure("data_x\nloop_\n_a\n_b\n1 2\n3\n");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.reason()).contains("2 tags but 3 values");

        e = failure("data_x\n_a 1\n_A 2\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).contains("duplicate tag '_a'");

        e = failure("_a 1\ndata_x\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("data_ block header");

        e = failure("data_x\n_a\n_b 2\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("expected a value after tag '_a'");

        e = failure("data_x\n_a 1 2\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.reason()).contains("no tag before it");

        e = failure("data_x\nloop_\n1 2\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("at least one tag after loop_");

        e = failure("data_x\n\tstop_\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.reason()).contains("stop_");

        e = failure("data_x\nsave_a\n_b 1\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("unterminated save frame");

        e = failure("data_x\nsave_\n");
        assertThat(e.reason()).contains("none is open");
        assertThat(e.source()).isEqualTo("t.cif");
    }

    @Test
    void errorLinesCountCrLfAndLoneCrOnce() {
        StructureParseException e = failure("data_x\r\n_a 1\r_b 2\r\n_c 'x\r\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void emptyInputHasNoBlocksAndByteOrderMarkIsIgnored() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("  # only a comment\n")).isEmpty();
        assertThat(parse("\uFEFFdata_bom\n_a 1\n")).extracting(CifBlock::name).containsExactly("bom");
    }
}
