package dev.orion.core.workflow.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML or JSON text into {@link Node}s with positions, through Jackson's streaming parsers
 * (the YAML one is SnakeYAML underneath). Duplicate keys are reported, not silently overwritten.
 */
public final class NodeReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    /**
     * A syntax error or a duplicate key.
     *
     * @param line    1-based line
     * @param column  1-based column
     * @param message what is wrong
     */
    public record SyntaxProblem(int line, int column, String message) {
    }

    /**
     * What {@link #read} produced: the root node (empty when the text could not be parsed) and the problems.
     *
     * @param root     the document, if it parsed
     * @param problems syntax errors and duplicate keys
     */
    public record Result(Optional<Node> root, List<SyntaxProblem> problems) {

        /** Copies. */
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final List<SyntaxProblem> problems = new ArrayList<>();

    private NodeReader() {
    }

    /**
     * @param text     the document
     * @param fileName its name; {@code .json} selects JSON, anything else YAML (JSON is valid YAML too,
     *                 but the JSON parser gives better messages for it)
     * @return the tree and any problems
     */
    public static Result read(String text, String fileName) {
        NodeReader r = new NodeReader();
        JsonFactory f = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : YAML;
        try (JsonParser p = f.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                r.problems.add(new SyntaxProblem(1, 1, "the document is empty"));
                return new Result(Optional.empty(), r.problems);
            }
            Node root = r.value(p);
            return new Result(Optional.of(root), r.problems);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            r.problems.add(new SyntaxProblem(line, col, "syntax error: " + e.getOriginalMessage().lines().findFirst().orElse("")));
            return new Result(Optional.empty(), r.problems);
        } catch (IOException e) {
            r.problems.add(new SyntaxProblem(1, 1, "cannot read the document: " + e.getMessage()));
            return new Result(Optional.empty(), r.problems);
        }
    }

    private Node value(JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Node.Scalar> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String name = p.currentName();
                    Node.Scalar key = new Node.Scalar(Optional.of(name), kl.getLineNr(), kl.getColumnNr());
                    p.nextToken();
                    Node v = value(p);
                    if (entries.containsKey(name)) {
                        problems.add(new SyntaxProblem(key.line(), key.column(), "duplicate key '" + name
                                + "' (first at line " + keys.get(name).line() + ")"));
                    } else {
                        entries.put(name, v);
                        keys.put(name, key);
                    }
                }
                return new Node.MapNode(entries, keys, line, col);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                return new Node.ListNode(items, line, col);
            }
            case VALUE_STRING -> {
                return new Node.Scalar(Optional.of(p.getText()), line, col);
            }
            case VALUE_NUMBER_INT -> {
                // integers beyond a long are kept exactly, for the validator to judge
                Object v = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getBigIntegerValue() : (Object) p.getLongValue();
                return new Node.Scalar(Optional.of(v), line, col);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(Optional.of(p.getDoubleValue()), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(Optional.of(t == JsonToken.VALUE_TRUE), line, col);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(Optional.empty(), line, col);
            }
            default -> throw new JsonProcessingException("unexpected " + t, loc) { };
        }
    }
}
