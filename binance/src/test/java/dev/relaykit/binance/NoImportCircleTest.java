package dev.relaykit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binance module's packages depend on each other one way: the facade on its parts, the parts on
 * the internal context, never back. A circle through two packages (the facade making the streams and
 * the streams taking the facade, as it once was) is what would make a second facade (futures) drag
 * in the first to reuse the parts.
 *
 * <p>The scan reads the sources: a class depends on another of the module when its code (comments
 * and string literals removed) imports it, names it fully qualified, or names it by its simple
 * name in its own package. Inside one package a type and its listener, or a sealed interface and
 * the records it permits, may name each other; across packages nothing may.
 */
class NoImportCircleTest {
    private static final String ROOT_PACKAGE = "dev.relaykit.binance";
    private static final String FACADE = "dev.relaykit.binance.BinanceSpot";

    @Test
    void noCircleRunsThroughTwoPackages() throws IOException {
        Map<String, Set<String>> uses = uses(Path.of("src/main/java"), ROOT_PACKAGE);
        assertThat(crossPackageCircles(uses)).as("classes in different packages of binance that depend on "
                + "each other in a loop (class -> what it uses inside the loop)").isEmpty();
    }

    @Test
    void nothingDependsOnTheFacade() throws IOException {
        Map<String, Set<String>> uses = uses(Path.of("src/main/java"), ROOT_PACKAGE);
        assertThat(uses).containsKey(FACADE);
        assertThat(uses.entrySet().stream().filter(e -> e.getValue().contains(FACADE)).map(Map.Entry::getKey))
                .as("classes that use the facade instead of the context").isEmpty();
    }

    @Test
    void theScanFindsACircleThroughAnImportAndAQualifiedName(@TempDir Path dir) throws IOException {
        write(dir, "dev/relaykit/binance/Facade.java", "package dev.relaykit.binance;\n"
                + "import dev.relaykit.binance.stream.Streams;\n"
                + "public final class Facade { Streams streams() { return null; } }\n");
        write(dir, "dev/relaykit/binance/stream/Streams.java", "package dev.relaykit.binance.stream;\n"
                + "public final class Streams { static Object of(dev.relaykit.binance.Facade f) { return f; } }\n");
        // named only in a comment and a string: no dependency, so no second circle
        write(dir, "dev/relaykit/binance/stream/Part.java", "package dev.relaykit.binance.stream;\n"
                + "/** Made by {@link dev.relaykit.binance.Facade}. */\n"
                + "final class Part { String s = \"dev.relaykit.binance.Face\"; }\n");
        write(dir, "dev/relaykit/binance/Face.java", "package dev.relaykit.binance;\n"
                + "final class Face { dev.relaykit.binance.stream.Part part; }\n");
        // a listener and its subject in one package may name each other
        write(dir, "dev/relaykit/binance/stream/Book.java", "package dev.relaykit.binance.stream;\n"
                + "final class Book { BookListener l; }\n");
        write(dir, "dev/relaykit/binance/stream/BookListener.java", "package dev.relaykit.binance.stream;\n"
                + "interface BookListener { void on(Book b); }\n");

        Map<String, Set<String>> uses = uses(dir, ROOT_PACKAGE);
        assertThat(uses.get("dev.relaykit.binance.Face")).containsExactly("dev.relaykit.binance.stream.Part");
        assertThat(uses.get("dev.relaykit.binance.stream.Part")).isEmpty();
        assertThat(crossPackageCircles(uses)).containsOnlyKeys(
                "dev.relaykit.binance.Facade", "dev.relaykit.binance.stream.Streams");
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    // ------------------------------------------------------------------ the scan

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*");

    /** @return each class of the module under {@code sourceRoot}, with the module's classes it uses */
    static Map<String, Set<String>> uses(Path sourceRoot, String rootPackage) throws IOException {
        Map<String, String> code = new TreeMap<>(); // class -> its code without comments and literals
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = stripCommentsAndLiterals(Files.readString(f));
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find() || !pkg.group(1).startsWith(rootPackage)) {
                    continue;
                }
                String name = f.getFileName().toString().replace(".java", "");
                code.put(pkg.group(1) + "." + name, text);
            }
        }
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Map.Entry<String, String> e : code.entrySet()) {
            String self = e.getKey();
            String pkg = self.substring(0, self.lastIndexOf('.'));
            Set<String> used = new TreeSet<>();
            Matcher imports = IMPORT.matcher(e.getValue());
            while (imports.find()) {
                String imported = owner(imports.group(2), code.keySet());
                if (imported != null) {
                    used.add(imported);
                }
            }
            String body = IMPORT.matcher(e.getValue()).replaceAll("");
            Matcher names = IDENTIFIER.matcher(body);
            while (names.find()) {
                String token = names.group().replaceAll("\\s", "");
                String qualified = owner(token, code.keySet());
                if (qualified != null) {
                    used.add(qualified);
                    continue;
                }
                String simple = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
                if (code.containsKey(pkg + "." + simple)) {
                    used.add(pkg + "." + simple);
                }
            }
            used.remove(self);
            uses.put(self, used);
        }
        return uses;
    }

    /** @return each class on a circle whose classes are in more than one package, with what it uses on it */
    static Map<String, Set<String>> crossPackageCircles(Map<String, Set<String>> uses) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (Set<String> circle : circles(uses)) {
            if (circle.stream().map(c -> c.substring(0, c.lastIndexOf('.'))).distinct().count() > 1) {
                for (String v : circle) {
                    Set<String> inside = new TreeSet<>(uses.get(v));
                    inside.retainAll(circle);
                    result.put(v, inside);
                }
            }
        }
        return result;
    }

    /** The module's top-level class a dotted name starts with, if any. */
    private static String owner(String dotted, Set<String> classes) {
        String name = dotted;
        while (name.contains(".")) {
            if (classes.contains(name)) {
                return name;
            }
            name = name.substring(0, name.lastIndexOf('.'));
        }
        return null;
    }

    /** Tarjan's strongly connected components of more than one class: the circles. */
    private static List<Set<String>> circles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String v : uses.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, uses, index, low, stack, onStack, components, counter);
            }
        }
        components.removeIf(c -> c.size() < 2);
        return components;
    }

    private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : uses.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, uses, index, low, stack, onStack, components, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    /** Blanks out comments, string and text-block literals and char literals, keeping everything else. */
    static String stripCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
