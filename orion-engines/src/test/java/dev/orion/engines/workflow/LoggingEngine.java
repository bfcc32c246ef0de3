package dev.orion.engines.workflow;

import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.EngineCapabilities;
import dev.orion.engine.JavaEngine;
import dev.orion.engines.eam.AnalyticTestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * The analytic test engine, slowed down, writing the volume of every structure it starts computing to a log
 * file: what the kill test counts to prove that nothing finished was computed twice, across JVMs.
 */
final class LoggingEngine implements JavaEngine {

    private final AnalyticTestEngine delegate;
    private final Path log;

    LoggingEngine(AnalyticTestEngine delegate, Path log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public EngineCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public List<Path> referencedFiles(Calculation calculation) {
        return delegate.referencedFiles(calculation);
    }

    @Override
    public List<String> validate(Calculation calculation) {
        return delegate.validate(calculation);
    }

    @Override
    public CalculationResult compute(Calculation calculation, Path workDir) {
        double volume = ((AtomisticCalculation) calculation).structure().volume();
        try {
            Files.writeString(log, String.format(Locale.ROOT, "%.4f%n", volume), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return delegate.compute(calculation, workDir);
    }
}
