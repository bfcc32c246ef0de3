package dev.orion.samples.notebooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What {@code %maven dev.orion:<module>:<version>} means in the test kernel: the module's compiled
 * output in this reactor build (its {@code target/classes} or jar, whichever Maven put on the test class
 * path) plus those of the ORION modules it depends on, read from the modules' {@code pom.xml}
 * (compile and runtime scope, transitively). Third-party libraries are not resolved per module: the
 * kernel's own class path holds all of the build's.
 */
final class ReactorArtifacts {

    private final String version;
    private final Map<String, List<Path>> classpaths;

    private ReactorArtifacts(String version, Map<String, List<Path>> classpaths) {
        this.version = version;
        this.classpaths = classpaths;
    }

    /**
     * @param root      the reactor root (with one folder per module)
     * @param classpath the test class path, where Maven put each module's output
     * @param version   the reactor's version
     * @return the modules found on the class path, each with its ORION class path
     */
    static ReactorArtifacts scan(Path root, List<String> classpath, String version) throws IOException {
        Pattern output = Pattern.compile(Pattern.quote(root.toAbsolutePath().normalize().toString())
                + "/([a-z-]+)/target/(classes|[^/]+\\.jar)/?$");
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (String entry : classpath) {
            Matcher m = output.matcher(Path.of(entry).toAbsolutePath().normalize().toString());
            if (m.matches()) {
                outputs.put(m.group(1), Path.of(entry));
            }
        }
        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        for (String module : outputs.keySet()) {
            Set<String> closure = new LinkedHashSet<>();
            collect(root, module, outputs, closure);
            classpaths.put(module, closure.stream().map(outputs::get).toList());
        }
        return new ReactorArtifacts(version, classpaths);
    }

    private static void collect(Path root, String module, Map<String, Path> outputs, Set<String> closure) throws IOException {
        if (!outputs.containsKey(module) || !closure.add(module)) {
            return;
        }
        for (String dependency : orionDependencies(root.resolve(module).resolve("pom.xml"))) {
            collect(root, dependency, outputs, closure);
        }
    }

    private static List<String> orionDependencies(Path pom) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(pom)) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot read " + pom, e);
        }
        List<String> out = new ArrayList<>();
        NodeList deps = doc.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            Node parent = d.getParentNode().getParentNode();
            String scope = text(d, "scope");
            if ("project".equals(parent.getNodeName()) && "dev.orion".equals(text(d, "groupId"))
                    && (scope.isEmpty() || scope.equals("compile") || scope.equals("runtime"))) {
                out.add(text(d, "artifactId"));
            }
        }
        return out;
    }

    private static String text(Element e, String child) {
        NodeList l = e.getElementsByTagName(child);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }

    /** @return the class path entries of {@code groupId:artifactId:version}, or an error saying why there are none */
    List<Path> resolve(String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length != 3 || !parts[0].equals("dev.orion")) {
            throw new IllegalArgumentException("the test kernel resolves only this build's modules (dev.orion:<module>:"
                    + version + "), not " + coordinates);
        }
        if (!parts[2].equals(version)) {
            throw new IllegalArgumentException(coordinates + " names version " + parts[2] + " but this build is " + version);
        }
        List<Path> paths = classpaths.get(parts[1]);
        if (paths == null) {
            throw new IllegalArgumentException(parts[1] + " is not a module of this build on the test class path; known: "
                    + classpaths.keySet());
        }
        return paths;
    }

    /** @return every class path entry that belongs to a reactor module */
    Set<Path> allOutputs() {
        Set<Path> all = new LinkedHashSet<>();
        classpaths.values().forEach(all::addAll);
        return all;
    }

    void store(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("version", version);
        classpaths.forEach((module, paths) -> p.setProperty("module." + module,
                String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList())));
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "reactor modules for the ORION notebook test kernel");
        }
    }

    static ReactorArtifacts load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("module.")) {
                classpaths.put(key.substring("module.".length()), Pattern.compile(Pattern.quote(java.io.File.pathSeparator))
                        .splitAsStream(p.getProperty(key)).map(Path::of).toList());
            }
        }
        return new ReactorArtifacts(p.getProperty("version"), classpaths);
    }
}
