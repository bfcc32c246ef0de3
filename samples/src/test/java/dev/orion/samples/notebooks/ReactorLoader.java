package dev.orion.samples.notebooks;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * The class loader of the test kernel's JShell: it defines the classes JShell compiles from cells and
 * loads the reactor modules that {@code %maven} adds, so snippets, ORION's classes and the display
 * renderers found through {@code META-INF/services} are one set of classes. Its parent is the kernel's
 * own class path (the Jupyter protocol library and the build's third-party libraries).
 */
final class ReactorLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();

    ReactorLoader(ClassLoader parent) {
        super("orion-notebook", new URL[0], parent);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = snippetClasses.get(name);
        return bytes != null ? defineClass(name, bytes, 0, bytes.length) : super.findClass(name);
    }

    /** @return this loader as JShell's execution engine sees it */
    LoaderDelegate delegate() {
        return new LoaderDelegate() {
            @Override
            public void load(ClassBytecodes[] classes) {
                for (ClassBytecodes c : classes) {
                    snippetClasses.put(c.name(), c.bytecodes());
                }
                for (ClassBytecodes c : classes) {
                    try {
                        loadClass(c.name());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("JShell compiled " + c.name() + " but it cannot be loaded", e);
                    }
                }
            }

            @Override
            public void classesRedefined(ClassBytecodes[] classes) {
                for (ClassBytecodes c : classes) {
                    snippetClasses.put(c.name(), c.bytecodes());
                }
            }

            @Override
            public void addToClasspath(String path) throws InternalException {
                for (String entry : path.split(File.pathSeparator)) {
                    try {
                        addURL(Path.of(entry).toUri().toURL());
                    } catch (MalformedURLException e) {
                        throw new InternalException("not a class path entry: " + entry);
                    }
                }
            }

            @Override
            public Class<?> findClass(String name) throws ClassNotFoundException {
                return loadClass(name);
            }
        };
    }
}
