package dev.orion.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed and hostile documents give typed, positioned problems, never an exception or a hang. */
class WorkflowHostileInputTest {

    private static final WorkflowLoader LOADER = WorkflowLoader.standard();

    private static List<String> problems(String text, String file) {
        ImportResult r = LOADER.parse(text, file);
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        return r.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void hugeNumbersAliasBombsDeepNestingAndEmptyDocumentsAreProblemsNotCrashes() {
        assertThat(problems("version: 99999999999999999999999\nname: x\nsteps: []\n", "big.yaml"))
                .containsExactly("big.yaml:1:10: unsupported version '99999999999999999999999': this ORION reads versions 1 to 2");
        assertThat(problems("", "empty.yaml")).containsExactly("empty.yaml:1:1: the document is empty");
        assertThat(problems("{}", "empty.json")).containsExactly("empty.json:1:1: missing 'version' (the current schema version is 2)");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*").append(i == 0 ? "a" : "b" + (i - 1)).append(", *")
                    .append(i == 0 ? "a" : "b" + (i - 1)).append("]\n");
        }
        // aliases are not expanded (2^60 items would never end): the document is judged as written
        assertThat(problems(bomb.toString(), "bomb.yaml")).containsExactly("bomb.yaml:1:1: missing 'version' (the current schema version is 2)");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(problems(deep, "deep.json")).singleElement().asString().startsWith("deep.json:1:");
        String prototype = "version: 2\nname: nan\nsteps:\n  - id: p\n    type: structure.prototype\n    with: {prototype: fcc, element: Xx, a: %s}\n";
        assertThat(problems(prototype.formatted(".nan"), "nan.yaml")).containsExactly("nan.yaml:6:48: syntax error: Malformed numeric value '.nan'");
        assertThat(problems(prototype.formatted("1e999"), "inf.yaml")).containsExactly("inf.yaml:6:37: step 'p': element: unknown element 'Xx'");
    }

    @Test
    void randomMutationsOfAValidFileNeverThrow() {
        String valid = WorkflowTemplates.text("elastic-constants");
        Random random = new Random(20261206);
        String alphabet = "${}[]:-#&*!|>'\"\n \tabc0.";
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder(valid);
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                int at = random.nextInt(s.length());
                if (random.nextBoolean()) {
                    s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                } else {
                    s.deleteCharAt(at);
                }
            }
            ImportResult r = LOADER.parse(s.toString(), "mutant.yaml");
            assertThat(r.status() == ImportResult.Status.FAILED).isEqualTo(r.workflow().isEmpty());
            r.problems().forEach(p -> assertThat(p.line()).isBetween(1, s.toString().split("\n", -1).length + 1));
        }
    }

    @Test
    void runIdsAndInputsFromOutsideAreChecked() {
        Workflow w = LOADER.parse("version: 2\nname: x\nsteps:\n  - id: one\n    type: compute\n    with: {expression: \"1\"}\n", "x.yaml")
                .orThrow();
        assertThat(w.steps()).extracting(Workflow.Step::id).containsExactly("one");
        assertThatThrownBy(() -> InputValues.bind(w, Map.of("nope", 1))).isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("x.yaml:1:1: unknown input 'nope'");
        assertThat(ValueType.parse("list<list<structure>>")).contains(ValueType.listOf(ValueType.listOf(ValueType.STRUCTURE)));
        assertThat(ValueType.parse("matrix")).isEmpty();
    }
}
