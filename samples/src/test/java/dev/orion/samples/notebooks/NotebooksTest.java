package dev.orion.samples.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executes every notebook of {@code samples/notebooks} headless, as CI does: Jupyter from Debian's
 * packages ({@code jupyter nbconvert --to notebook --execute}, then {@code --to html}) on the JShell test
 * kernel ({@link NotebookKernel}), registered through a kernelspec in a private {@code JUPYTER_PATH}. A
 * cell that fails fails the test; the executed notebooks and their HTML stay in
 * {@code samples/target/notebooks}, and the HTML is checked for the tables and images ORION renders.
 * Skipped when Jupyter is missing, unless {@code ORION_REQUIRE_ENGINES=1}.
 */
class NotebooksTest {

    private static final String KERNEL = "orion-java-test";
    private static final Path ROOT = Path.of(System.getProperty("orion.root", "..")).toAbsolutePath().normalize();
    private static final Path NOTEBOOKS = ROOT.resolve("samples/notebooks");
    private static final Path OUT = ROOT.resolve("samples/target/notebooks");

    /** What each notebook's HTML must show: ORION's renderings, not only the cells' text. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "structures", List.of("<table class=\"orion-structure\"", "<caption>Structure MgNiF6</caption>",
                    "<table class=\"orion-composition\"", "<table class=\"orion-symmetry\"",
                    "<table class=\"orion-neighbors\"", "data:image/png;base64,", "<svg", "Co8.cif"),
            "engines", List.of("<table class=\"orion-jobs\"", "<td>orion-eam</td>", "<td>SUCCEEDED</td>",
                    "<caption>Structure Cu</caption>", "<svg", "converged after"),
            "campaign", List.of("<table class=\"orion-campaigns\"", "<td>Cu-Ni mixing energy</td>", "<svg",
                    "data:image/png;base64,", "lowest mixing energy", "<div class=\"orion-progress\"><progress value=\"10\" max=\"10\""),
            "llm", List.of("<table class=\"orion-llm-calls\"", "<td>primary → fallback</td>", "cache hit = true"));

    private static List<String> jupyter;

    @BeforeAll
    static void jupyterAndKernel() throws Exception {
        jupyter = findJupyter();
        boolean present = jupyter != null;
        if (!present && "1".equals(System.getenv("ORION_REQUIRE_ENGINES"))) {
            fail("jupyter nbconvert is not installed but ORION_REQUIRE_ENGINES=1 (run scripts/install-test-deps)");
        }
        assumeTrue(present, "jupyter nbconvert is not installed: notebooks not executed "
                + "(set ORION_REQUIRE_ENGINES=1 to fail instead)");
        Files.createDirectories(OUT);
        writeKernelSpec();
    }

    static Stream<String> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length())).sorted().toList();
            assertThat(names).as("notebooks in %s", NOTEBOOKS).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void executesHeadlessAndRendersOrionOutputs(String name) throws Exception {
        Path source = NOTEBOOKS.resolve(name + ".ipynb");
        run("--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--ExecutePreprocessor.timeout=180", "--output-dir", OUT.toString(), source.toString());
        Path executed = OUT.resolve(name + ".ipynb");
        String json = Files.readString(executed, StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\"output_type\": \"error\"");
        run("--to", "html", "--output-dir", OUT.toString(), executed.toString());
        String html = Files.readString(OUT.resolve(name + ".html"), StandardCharsets.UTF_8);
        assertThat(html).contains(EXPECTED.get(name));
        // every code cell ran, in order
        long cells = Pattern.compile("\"cell_type\": \"code\"").matcher(json).results().count();
        List<Integer> counts = Pattern.compile("\"execution_count\": (\\d+)").matcher(json).results()
                .map(m -> Integer.parseInt(m.group(1))).distinct().toList();
        assertThat(counts).hasSize((int) cells).isSorted();
    }

    /**
     * The kernel itself: without {@code %maven dev.orion:orion-jupyter} there are no ORION renderers, a
     * wrong version or a throwing cell is an error output, and an error fails {@code nbconvert --execute}.
     */
    @Test
    void failingCellsAreErrorsAndRenderersComeWithOrionJupyter() throws Exception {
        String version = System.getProperty("orion.version");
        Path notebook = OUT.resolve("kernel-check.ipynb");
        Files.writeString(notebook, """
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": ["%%maven dev.orion:orion-core:%1$s"]},
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": ["dev.orion.structure.Composition.parse(\\"Fe2O3\\")"]},
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": ["%%maven dev.orion:orion-core:0.0.1"]},
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": ["%%maven dev.orion:orion-jupyter:%1$s\\n", "dev.orion.structure.Composition.parse(\\"Fe2O3\\")"]},
                  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                   "source": ["throw new IllegalStateException(\\"boom\\");"]}
                 ],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """.formatted(version), StandardCharsets.UTF_8);
        Path checked = OUT.resolve("kernel-check-executed.ipynb");
        Run p = nbconvert("--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--output", checked.getFileName().toString(), "--output-dir", OUT.toString(), notebook.toString());
        assertThat(p.exit()).as("nbconvert --allow-errors: %s", p.output()).isZero();
        String json = Files.readString(checked, StandardCharsets.UTF_8);
        String[] cells = json.split("\"cell_type\"");
        assertThat(cells[2]).contains("\"text/plain\"").doesNotContain("text/html");
        assertThat(cells[3]).contains("\"output_type\": \"error\"", "names version 0.0.1 but this build is " + version);
        assertThat(cells[4]).contains("text/html", "orion-composition");
        assertThat(cells[5]).contains("\"output_type\": \"error\"", "java.lang.IllegalStateException: boom");

        Run strict = nbconvert("--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--output", "kernel-check-strict.ipynb", "--output-dir", OUT.toString(), notebook.toString());
        assertThat(strict.exit()).as("nbconvert --execute of a notebook with a failing cell").isNotZero();
        assertThat(strict.output()).contains("CellExecutionError", "names version 0.0.1");
    }

    private static void run(String... nbconvertArgs) throws Exception {
        Run r = nbconvert(nbconvertArgs);
        if (r.exit() != 0) {
            fail("jupyter nbconvert failed (exit " + r.exit() + "): " + String.join(" ", nbconvertArgs) + "\n" + r.output());
        }
    }

    /** How an nbconvert run ended: its exit code and everything it printed. */
    private record Run(int exit, String output) {
    }

    private static Run nbconvert(String... nbconvertArgs) throws Exception {
        List<String> command = new ArrayList<>(jupyter);
        command.addAll(Arrays.asList(nbconvertArgs));
        ProcessBuilder pb = new ProcessBuilder(command).directory(NOTEBOOKS.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", OUT.resolve("jupyter").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", OUT.resolve("jupyter/runtime").toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", OUT.resolve("jupyter/config").toString());
        Path log = Files.createTempFile(OUT, "nbconvert", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("jupyter nbconvert did not finish in 5 minutes: " + command + "\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(p.exitValue(), output);
    }

    private static List<String> findJupyter() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("jupyter-nbconvert"), List.of("jupyter", "nbconvert"))) {
            List<String> probe = new ArrayList<>(candidate);
            probe.add("--version");
            try {
                Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException missing) {
                // not on the PATH: try the next form
            }
        }
        return null;
    }

    /**
     * The kernelspec: {@code java @kernel.args {connection_file}}, where the argument file holds the
     * class path of this test without the reactor modules' outputs (those come with {@code %maven}) and
     * names the file that maps each module to its outputs.
     */
    private static void writeKernelSpec() throws IOException {
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        ReactorArtifacts reactor = ReactorArtifacts.scan(ROOT, classpath, System.getProperty("orion.version"));
        Path reactorFile = OUT.resolve("reactor.properties");
        reactor.store(reactorFile);
        List<String> kernelClasspath = classpath.stream().filter(e -> !reactor.allOutputs().contains(Path.of(e))).toList();
        Path spec = OUT.resolve("jupyter/kernels/" + KERNEL);
        Files.createDirectories(spec);
        Path args = spec.resolve("kernel.args");
        Files.write(args, List.of(
                "-cp", quote(String.join(File.pathSeparator, kernelClasspath)),
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorion.notebook.reactor=" + quote(reactorFile.toString()),
                NotebookKernel.class.getName()), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(spec.resolve("kernel.json"), """
                {
                  "argv": [%s, %s, "{connection_file}"],
                  "display_name": "Java (ORION notebook test kernel)",
                  "language": "java",
                  "interrupt_mode": "message"
                }
                """.formatted(jsonString(java), jsonString("@" + args)), StandardCharsets.UTF_8);
    }

    private static String quote(String argFileValue) {
        return "\"" + argFileValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
