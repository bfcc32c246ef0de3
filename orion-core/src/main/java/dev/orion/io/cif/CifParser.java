package dev.orion.io.cif;

import dev.orion.io.ReadWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses CIF 1.1 syntax into {@link CifBlock}s: data blocks, tag-value pairs, {@code loop_}s.
 * Save frames are skipped (they belong to dictionaries, not to structures), a {@code global_}
 * block is skipped with a warning, {@code stop_} (STAR only) is rejected. Every error names the
 * line and column where the problem was found.
 */
final class CifParser {

    private final CifLexer lexer;
    private final CifPositions positions;
    private final CifValues values;
    private final List<ReadWarning> warnings;
    private final List<CifBlock> blocks = new ArrayList<>();
    private int pushedBack = -1;
    private int loopCount;

    private CifParser(CifPositions positions, List<ReadWarning> warnings) {
        this.positions = positions;
        this.lexer = new CifLexer(positions.source().text(), positions);
        this.values = new CifValues(positions.source().text());
        this.warnings = warnings;
    }

    /**
     * @param positions the source and its line index
     * @param warnings  where warnings go
     * @return the data blocks, in file order
     */
    static List<CifBlock> parse(CifPositions positions, List<ReadWarning> warnings) {
        return new CifParser(positions, warnings).parse();
    }

    private List<CifBlock> parse() {
        CifBlock block = null;
        while (true) {
            int token = next();
            switch (token) {
                case CifLexer.EOF:
                    return blocks;
                case CifLexer.DATA:
                    block = new CifBlock(lexer.content(), lexer.tokenStart());
                    blocks.add(block);
                    break;
                case CifLexer.GLOBAL:
                    warnings.add(positions.warning(lexer.tokenStart(), "skipped a global_ block (STAR, not CIF)"));
                    skipGlobal();
                    block = null;
                    break;
                case CifLexer.STOP:
                    throw lexer.error(lexer.tokenStart(), "stop_ is a STAR reserved word that CIF 1.1 does not allow");
                case CifLexer.SAVE:
                    requireBlock(block, "save_ frame");
                    skipSaveFrame();
                    break;
                case CifLexer.TAG:
                    requireBlock(block, "tag '" + lexer.content() + "'");
                    item(block);
                    break;
                case CifLexer.LOOP:
                    requireBlock(block, "loop_");
                    loop(block);
                    break;
                default:
                    throw lexer.error(lexer.tokenStart(), "expected a tag, loop_ or data_ header, found the value '"
                            + abbreviate(lexer.content()) + "' with no tag before it");
            }
        }
    }

    private void item(CifBlock block) {
        int tagOffset = lexer.tokenStart();
        String tag = lexer.lowerCaseContent();
        int token = next();
        if (token != CifLexer.VALUE) {
            throw lexer.error(tagOffset, "expected a value after tag '" + tag + "', found " + describe(token));
        }
        int index = values.add(lexer.start(), lexer.end(), lexer.valueKind());
        add(block, new CifColumn(tag, tagOffset, values, index, 1, 1, -1));
    }

    private void loop(CifBlock block) {
        int loopOffset = lexer.tokenStart();
        List<String> tags = new ArrayList<>();
        List<Integer> tagOffsets = new ArrayList<>();
        int token;
        while ((token = next()) == CifLexer.TAG) {
            tags.add(lexer.lowerCaseContent());
            tagOffsets.add(lexer.tokenStart());
        }
        if (tags.isEmpty()) {
            throw lexer.error(loopOffset, "expected at least one tag after loop_, found " + describe(token));
        }
        int base = values.size();
        int lastOffset = loopOffset;
        while (token == CifLexer.VALUE) {
            values.add(lexer.start(), lexer.end(), lexer.valueKind());
            lastOffset = lexer.tokenStart();
            token = next();
        }
        pushedBack = token;
        int count = values.size() - base;
        int width = tags.size();
        if (count % width != 0) {
            throw lexer.error(lastOffset, "loop_ (line " + positions.line(loopOffset) + ") has " + width
                    + " tags but " + count + " values, not a multiple of " + width
                    + ": the last row is incomplete");
        }
        int id = loopCount++;
        for (int i = 0; i < width; i++) {
            add(block, new CifColumn(tags.get(i), tagOffsets.get(i), values, base + i, width, count / width, id));
        }
    }

    private void add(CifBlock block, CifColumn column) {
        if (!block.add(column)) {
            throw lexer.error(column.tagOffset(), "duplicate tag '" + column.tag() + "' in data block '"
                    + block.name() + "'");
        }
    }

    private void skipSaveFrame() {
        int open = lexer.tokenStart();
        if (lexer.start() == lexer.end()) {
            throw lexer.error(open, "save_ closes a save frame, but none is open");
        }
        while (true) {
            int token = next();
            if (token == CifLexer.EOF) {
                throw lexer.error(open, "unterminated save frame: expected save_ to close it");
            }
            if (token == CifLexer.DATA) {
                throw lexer.error(lexer.tokenStart(), "expected save_ to close the save frame opened at line "
                        + positions.line(open) + ", found a data_ header");
            }
            if (token == CifLexer.SAVE) {
                if (lexer.start() == lexer.end()) {
                    return;
                }
                throw lexer.error(lexer.tokenStart(), "save frames cannot be nested (frame opened at line "
                        + positions.line(open) + ")");
            }
        }
    }

    private void skipGlobal() {
        while (true) {
            int token = next();
            if (token == CifLexer.EOF || token == CifLexer.DATA) {
                pushedBack = token;
                return;
            }
        }
    }

    private void requireBlock(CifBlock block, String what) {
        if (block == null) {
            throw lexer.error(lexer.tokenStart(), "expected a data_ block header before the " + what);
        }
    }

    private int next() {
        if (pushedBack >= 0) {
            int token = pushedBack;
            pushedBack = -1;
            return token;
        }
        return lexer.next();
    }

    private String describe(int token) {
        switch (token) {
            case CifLexer.EOF:
                return "the end of the input";
            case CifLexer.DATA:
                return "a data_ header";
            case CifLexer.LOOP:
                return "loop_";
            case CifLexer.SAVE:
                return "a save_ frame";
            case CifLexer.GLOBAL:
                return "global_";
            case CifLexer.STOP:
                return "stop_";
            case CifLexer.TAG:
                return "tag '" + abbreviate(lexer.content()) + "'";
            default:
                return "the value '" + abbreviate(lexer.content()) + "'";
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
