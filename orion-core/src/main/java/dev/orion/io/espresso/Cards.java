package dev.orion.io.espresso;

import dev.orion.io.internal.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cards that follow the namelists of a pw.x input ({@code ATOMIC_SPECIES},
 * {@code ATOMIC_POSITIONS crystal}, ...): each card's option and its data lines as tokens.
 *
 * <p>A card runs from its keyword line to the next keyword line. Keywords are case-insensitive;
 * the option may be written bare, in braces or in parentheses ({@code crystal}, {@code {crystal}},
 * {@code (crystal)}). Lines starting with {@code !} or {@code #} and text after {@code !} or
 * {@code #} are comments.
 */
final class Cards {

    /** Every card pw.x knows; those not needed for the structure are skipped whole. */
    static final Set<String> KEYWORDS = Set.of("ATOMIC_SPECIES", "ATOMIC_POSITIONS", "K_POINTS", "CELL_PARAMETERS",
            "OCCUPATIONS", "CONSTRAINTS", "ATOMIC_FORCES", "ATOMIC_VELOCITIES", "ADDITIONAL_K_POINTS", "SOLVENTS",
            "HUBBARD", "TOTAL_CHARGE", "PLOT_WANNIER", "AUTOPILOT");

    private final Map<String, Card> cards;

    private Cards(Map<String, Card> cards) {
        this.cards = cards;
    }

    /**
     * One card.
     *
     * @param keyword the upper-case keyword
     * @param option  the lower-case option, "" if none
     * @param line    the keyword's 1-based line
     * @param column  the 1-based column of the option, or of the keyword when there is none
     * @param rows    the data lines, comments removed, blank lines dropped
     */
    record Card(String keyword, String option, int line, int column, List<List<SourceText.Token>> rows) {
    }

    /** @return the card with that upper-case keyword, if present */
    Optional<Card> get(String keyword) {
        return Optional.ofNullable(cards.get(keyword));
    }

    /**
     * Splits the text from {@code firstLine} on into cards.
     *
     * @param src       the input
     * @param firstLine the 1-based line just after the last namelist
     * @return the cards
     * @throws dev.orion.StructureParseException for text that belongs to no card, an unknown keyword
     *                                           or a card given twice
     */
    static Cards parse(SourceText src, int firstLine) {
        Map<String, Card> cards = new LinkedHashMap<>();
        Card current = null;
        for (int lineNo = firstLine; lineNo <= src.lineCount(); lineNo++) {
            List<SourceText.Token> tokens = dataTokens(src, lineNo);
            if (tokens.isEmpty()) {
                continue;
            }
            SourceText.Token first = tokens.get(0);
            String keyword = keywordOf(first.text());
            if (KEYWORDS.contains(keyword)) {
                if (cards.containsKey(keyword)) {
                    throw src.error(first, "card " + keyword + " appears twice (first at line "
                            + cards.get(keyword).line() + ")");
                }
                current = card(src, keyword, tokens);
                cards.put(keyword, current);
            } else if (current == null) {
                if (first.text().startsWith("&")) {
                    throw src.error(first, "expected a card keyword, found the namelist '" + first.text()
                            + "' after the cards began (namelists come before cards)");
                }
                throw src.error(first, "expected a namelist ('&SYSTEM' ...) or a card keyword (ATOMIC_SPECIES, "
                        + "ATOMIC_POSITIONS, CELL_PARAMETERS, K_POINTS ...), found '" + first.text() + "'");
            } else {
                current.rows().add(tokens);
            }
        }
        return new Cards(cards);
    }

    private static Card card(SourceText src, String keyword, List<SourceText.Token> tokens) {
        SourceText.Token first = tokens.get(0);
        String inline = first.text().length() > keyword.length() ? first.text().substring(keyword.length()) : "";
        StringBuilder option = new StringBuilder(inline);
        for (int i = 1; i < tokens.size(); i++) {
            option.append(tokens.get(i).text());
        }
        String opt = option.toString().toLowerCase(Locale.ROOT);
        if (opt.startsWith("{") && opt.endsWith("}") || opt.startsWith("(") && opt.endsWith(")")) {
            opt = opt.substring(1, opt.length() - 1);
        } else if (opt.startsWith("=")) {
            opt = opt.substring(1);
        }
        int column = tokens.size() > 1 ? tokens.get(1).column() : first.column();
        if (!opt.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
            throw src.error(first.line(), column, "expected the option of card " + keyword
                    + " as a word, optionally in braces, found '" + option + "'");
        }
        return new Card(keyword, opt, first.line(), column, new ArrayList<>());
    }

    private static String keywordOf(String token) {
        int end = 0;
        while (end < token.length() && (Character.isLetter(token.charAt(end)) || token.charAt(end) == '_')) {
            end++;
        }
        return token.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** The tokens of a line before any {@code !} or {@code #} comment. */
    static List<SourceText.Token> dataTokens(SourceText src, int lineNo) {
        List<SourceText.Token> tokens = src.tokens(lineNo);
        for (int i = 0; i < tokens.size(); i++) {
            SourceText.Token t = tokens.get(i);
            int cut = commentStart(t.text());
            if (cut >= 0) {
                List<SourceText.Token> kept = new ArrayList<>(tokens.subList(0, i));
                if (cut > 0) {
                    kept.add(new SourceText.Token(t.text().substring(0, cut), t.line(), t.column()));
                }
                return kept;
            }
        }
        return tokens;
    }

    private static int commentStart(String text) {
        int bang = text.indexOf('!');
        int hash = text.indexOf('#');
        if (bang < 0) {
            return hash;
        }
        return hash < 0 ? bang : Math.min(bang, hash);
    }
}
