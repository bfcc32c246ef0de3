package dev.orion.samples.notebooks;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

/**
 * A small Jupyter kernel for the notebook tests, built on JJava's protocol library
 * ({@code org.dflib.jjava:jjava-jupyter}) and the JDK's JShell. It is test tooling, not ORION API: JJava's
 * full kernel is not on Maven Central, so CI runs the notebooks on this one, which behaves as JJava does
 * where the notebooks need it:
 * <ul>
 *   <li>cells are Java snippets evaluated by JShell in this JVM; the value of a cell's last expression
 *       is rendered through JJava's {@code Renderer} (with every {@code Extension} installed), and
 *       {@code display(...)}, {@code render(...)} and {@code updateDisplay(...)} are imported as in JJava;</li>
 *   <li>{@code %maven dev.orion:<module>:<version>} puts that module of this build and the ORION modules
 *       it depends on on the cell class path (see {@link ReactorArtifacts}), then installs the JJava
 *       extensions those modules declare in {@code META-INF/services}, as JJava does after resolving a
 *       dependency; any other coordinates, or another version, fail the cell;</li>
 *   <li>a compile error or an exception fails the cell (and so {@code nbconvert --execute}).</li>
 * </ul>
 */
final class NotebookKernel extends BaseKernel {

    private final JShell shell;
    private final ReactorLoader loader;
    private final ReactorArtifacts reactor;
    private final Set<Path> added = ConcurrentHashMap.newKeySet();

    private NotebookKernel(Builder b, ReactorArtifacts reactor) {
        super("ORION notebook test kernel", "1", new LanguageInfo("Java", System.getProperty("java.version"),
                        "text/x-java-source", ".jshell", "java", "java", "java"),
                List.of(), null, b.io(), b.comms(), b.renderer(), b.parser(), b.magics(), true, b.styler());
        this.reactor = reactor;
        this.loader = new ReactorLoader(NotebookKernel.class.getClassLoader());
        this.shell = JShell.builder()
                .executionEngine(new CapturingProvider(loader), Map.of())
                .build();
        // the kernel's own class path (JJava's statics, the build's libraries) for the compiler; JShell's
        // --class-path compiler option would hide what addToClasspath adds later. The loader finds these
        // classes in its parent first, so they are not loaded twice.
        shell.addToClasspath(System.getProperty("java.class.path"));
        evalRaw("import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");
        magicsRegistry.registerLineMagic("maven", (LineMagic<Void, NotebookKernel>) (kernel, args) -> {
            args.forEach(kernel::addModule);
            return null;
        });
    }

    private void addModule(String coordinates) {
        List<Path> paths = reactor.resolve(coordinates);
        List<String> fresh = paths.stream().filter(added::add).map(Path::toString).toList();
        if (!fresh.isEmpty()) {
            shell.addToClasspath(String.join(File.pathSeparator, fresh));
            installExtensions(loader);
        }
    }

    @Override
    protected ClassLoader getClassLoader() {
        return loader;
    }

    @Override
    public Object evalRaw(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = magicParser.resolveMagics(code);
        Object last = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new NotebookCellException("incomplete code: " + remaining.strip());
            }
            last = evalSnippet(info.source());
            remaining = info.remaining();
        }
        return last;
    }

    private Object evalSnippet(String source) {
        Object value = null;
        try {
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    String errors = shell.diagnostics(event.snippet()).map(NotebookKernel::message)
                            .collect(Collectors.joining("\n"));
                    throw new NotebookCellException("cannot compile:\n" + source.strip() + "\n" + errors);
                }
                JShellException thrown = event.exception();
                if (thrown != null) {
                    throw failure(thrown);
                }
                Snippet s = event.snippet();
                boolean expression = s.kind() == Snippet.Kind.EXPRESSION
                        || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                if (expression && event.value() != null) {
                    value = CapturingControl.RESULTS.get(event.value());
                }
            }
        } finally {
            CapturingControl.RESULTS.clear();
        }
        return value;
    }

    private static String message(Diag d) {
        return "error: " + d.getMessage(null) + " at position " + d.getStartPosition() + " of the snippet";
    }

    private static RuntimeException failure(JShellException thrown) {
        String name = thrown instanceof EvalException e ? e.getExceptionClassName() : thrown.getClass().getName();
        NotebookCellException e = new NotebookCellException(name + ": " + thrown.getMessage());
        e.setStackTrace(thrown.getStackTrace());
        if (thrown.getCause() != null) {
            e.initCause(thrown.getCause());
        }
        return e;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).toList();
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        return switch (shell.sourceCodeAnalysis().analyzeCompletion(code).completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        shell.close();
    }

    /**
     * Starts the kernel on a Jupyter connection file.
     *
     * @param args the connection file; system property {@code orion.notebook.reactor} names the
     *             properties file written by {@link ReactorArtifacts#store}
     */
    public static void main(String[] args) throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        ReactorArtifacts reactor = ReactorArtifacts.load(Path.of(System.getProperty("orion.notebook.reactor")));
        JupyterConnection connection = new JupyterConnection(props);
        NotebookKernel kernel = new NotebookKernel(new Builder(), reactor);
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }

    /** A failed cell: the message is what the notebook shows. */
    static final class NotebookCellException extends RuntimeException {
        NotebookCellException(String message) {
            super(message);
        }
    }

    /** Exposes the builder's defaults (I/O, comms, renderer, magics) for the constructor. */
    private static final class Builder extends BaseKernelBuilder<Builder, NotebookKernel> {
        @Override
        public NotebookKernel build() {
            throw new UnsupportedOperationException("use the NotebookKernel constructor");
        }

        org.dflib.jjava.jupyter.kernel.JupyterIO io() {
            return buildJupyterIO(buildJupyterIOEncoding());
        }

        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
            return buildCommManager();
        }

        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() {
            return buildRenderer();
        }

        MagicParser parser() {
            return new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler());
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics() {
            return buildMagicsRegistry();
        }

        org.dflib.jjava.jupyter.kernel.util.StringStyler styler() {
            return buildErrorStyler();
        }
    }

    /** JShell's execution in this JVM, keeping each invocation's result object for the renderer. */
    private static final class CapturingProvider implements ExecutionControlProvider {
        private final ReactorLoader loader;

        CapturingProvider(ReactorLoader loader) {
            this.loader = loader;
        }

        @Override
        public String name() {
            return "orion-notebook";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new CapturingControl(loader);
        }
    }

    /** Runs snippets in the kernel's JVM with the reactor loader as context class loader. */
    private static final class CapturingControl extends DirectExecutionControl {
        static final Map<String, Object> RESULTS = new ConcurrentHashMap<>();
        private static final AtomicLong IDS = new AtomicLong();
        private final ReactorLoader loader;

        CapturingControl(ReactorLoader loader) {
            super(loader.delegate());
            this.loader = loader;
        }

        @Override
        protected String invoke(Method doit) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Object value = doit.invoke(null);
                String key = "orion-result-" + IDS.incrementAndGet();
                if (value != null) {
                    RESULTS.put(key, value);
                }
                return key;
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
