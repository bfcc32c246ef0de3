package dev.orion.samples;

import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public surface of each published module is a decision, written down in
 * {@code <module>/api/<module>.api} (as OkHttp's {@code okhttp.api}): every public type outside
 * packages named {@code internal}, with its public (and, for extensible types, protected) members.
 * The build fails when the compiled surface differs from the committed list; after a deliberate
 * change, regenerate the lists with {@code ./mvnw verify -Dorion.api.update=true} and commit them
 * with the change.
 */
class PublicApiTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orion");
    }

    @ParameterizedTest
    @EnumSource(value = OrionModule.class, names = "SAMPLES", mode = EnumSource.Mode.EXCLUDE)
    void theCompiledSurfaceIsTheCommittedOne(OrionModule module) throws IOException {
        List<String> actual = surface(module);
        Path file = Path.of(System.getProperty("orion.root", ".."), module.artifactId(), "api",
                module.artifactId() + ".api");
        if (Boolean.getBoolean("orion.api.update")) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual, StandardCharsets.UTF_8);
            return;
        }
        List<String> committed = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        if (!committed.equals(actual)) {
            Set<String> added = new LinkedHashSet<>(actual);
            committed.forEach(added::remove);
            Set<String> removed = new LinkedHashSet<>(committed);
            actual.forEach(removed::remove);
            fail("The public API of %s differs from %s.%nAdded:%n  %s%nRemoved:%n  %s%n"
                            + "If the change is deliberate, run ./mvnw verify -Dorion.api.update=true and commit the file.",
                    module.artifactId(), file, String.join("\n  ", added), String.join("\n  ", removed));
        }
    }

    /** @return one line per public type, each followed by its members indented, sorted */
    static List<String> surface(OrionModule module) {
        TreeMap<String, List<String>> types = new TreeMap<>();
        for (JavaClass c : classes) {
            if (!module.classes().test(c) || c.getPackageName().contains(".internal") || !exported(c)) {
                continue;
            }
            Class<?> type = load(c.getName());
            types.put(type.getTypeName(), members(type));
        }
        List<String> lines = new ArrayList<>();
        types.forEach((name, members) -> {
            lines.add(members.get(0));
            members.stream().skip(1).forEach(m -> lines.add("  " + m));
        });
        return lines;
    }

    private static boolean exported(JavaClass c) {
        if (c.isAnonymousClass() || c.isLocalClass() || !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
            return false;
        }
        return c.getEnclosingClass().map(PublicApiTest::exported).orElse(true);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    private static List<String> members(Class<?> type) {
        boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        List<String> out = new ArrayList<>();
        out.add(header(type));
        List<String> body = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (visible(f, extensible) && !f.isSynthetic()) {
                body.add(modifiers(f.getModifiers()) + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c, extensible) && !c.isSynthetic() && !type.isEnum()) {
                body.add(modifiers(c.getModifiers()) + "<init>" + parameters(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m, extensible) && !m.isSynthetic() && !m.isBridge()) {
                String typeParams = m.getTypeParameters().length == 0 ? "" : Arrays.stream(m.getTypeParameters())
                        .map(PublicApiTest::bounded).collect(Collectors.joining(", ", "<", "> "));
                int mods = m.getModifiers() & ~(type.isInterface() && !Modifier.isStatic(m.getModifiers()) && !m.isDefault()
                        ? Modifier.ABSTRACT : 0);
                body.add(modifiers(mods) + (m.isDefault() ? "default " : "") + typeParams
                        + m.getGenericReturnType().getTypeName() + " " + m.getName() + parameters(m));
            }
        }
        body.sort(null);
        out.addAll(body);
        return out;
    }

    private static boolean visible(Member m, boolean extensible) {
        int mods = m.getModifiers();
        return Modifier.isPublic(mods) || (extensible && Modifier.isProtected(mods));
    }

    private static String header(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        int mods = type.getModifiers() & ~(type.isInterface() ? Modifier.ABSTRACT | Modifier.INTERFACE : 0)
                & ~(type.isEnum() || type.isRecord() ? Modifier.FINAL : 0);
        StringBuilder s = new StringBuilder(modifiers(mods)).append(type.isSealed() ? "sealed " : "")
                .append(kind).append(' ').append(type.getTypeName());
        if (type.getTypeParameters().length > 0) {
            s.append(Arrays.stream(type.getTypeParameters()).map(PublicApiTest::bounded)
                    .collect(Collectors.joining(", ", "<", ">")));
        }
        Type sup = type.getGenericSuperclass();
        if (sup != null && sup != Object.class && !type.isEnum() && !type.isRecord()) {
            s.append(" extends ").append(sup.getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            s.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            s.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getTypeName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String bounded(java.lang.reflect.TypeVariable<?> v) {
        List<Type> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).toList();
        return bounds.isEmpty() ? v.getName()
                : v.getName() + " extends " + bounds.stream().map(Type::getTypeName).collect(Collectors.joining(" & "));
    }

    private static String parameters(Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(Type::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
        if (e.isVarArgs()) {
            params = params.replaceFirst("\\[\\]\\)$", "...)");
        }
        String thrown = e.getGenericExceptionTypes().length == 0 ? "" : Arrays.stream(e.getGenericExceptionTypes())
                .map(Type::getTypeName).collect(Collectors.joining(", ", " throws ", ""));
        return params + thrown;
    }

    private static String modifiers(int mods) {
        String s = Modifier.toString(mods & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                | Modifier.ABSTRACT));
        return s.isEmpty() ? "" : s + " ";
    }
}
