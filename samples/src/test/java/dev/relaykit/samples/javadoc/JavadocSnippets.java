package dev.relaykit.samples.javadoc;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds every {@code <pre>} block in the javadoc of the library modules and compiles the Java ones.
 *
 * <p>The library modules are the parent pom's {@code <module>}s except {@code samples}, {@code benchmarks} and
 * {@code bom}, so a module added later is checked without touching this class. A block is one of:
 * <ul>
 *   <li>{@code <pre>{@code ...}</pre>}: Java statements, compiled as the body of a method
 *       {@code void example() throws Exception} of a class that extends {@link SnippetGivens} (the few free
 *       variables examples may use) and imports every public package of the library modules plus a few common JDK
 *       ones ({@link #IMPORTS});</li>
 *   <li>{@code <pre class="java-members">{@code ...}</pre>}: Java class members (a method a user writes, e.g. a
 *       servlet's {@code service}), compiled as the body of that class;</li>
 *   <li>{@code <pre class="java-file">{@code ...}</pre>}: a whole source file (imports and a class, e.g. a Spring
 *       controller), compiled as it is in a package of its own;</li>
 *   <li>{@code <pre class="not-java">...</pre>}: not Java (a state diagram, Maven XML): counted, never compiled.</li>
 * </ul>
 * Any other {@code <pre>} ({@link Kind#UNMARKED}: no {@code {@code}}, or an unknown class) is an error: an example
 * is Java that compiles, or says what else it is.
 */
final class JavadocSnippets {
    static final Path ROOT = findRoot();

    /** Modules with no library javadoc of their own. */
    static final List<String> NOT_LIBRARIES = List.of("samples", "benchmarks", "bom");

    /** The JDK and Jackson packages every example may use without naming them. */
    static final List<String> IMPORTS = List.of("java.util", "java.time", "java.math", "java.nio.file", "java.nio.charset",
            "java.util.concurrent", "java.net", "java.io", "java.security", "com.fasterxml.jackson.databind", "okhttp3");

    /** What a block is, from its {@code class} attribute. */
    enum Kind { STATEMENTS, MEMBERS, FILE, NOT_JAVA, UNMARKED }

    /** One {@code <pre>} block: where it is (line of the {@code <pre>}), what it is, its text with javadoc escapes undone. */
    record Snippet(Path file, int line, Kind kind, String code) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    /** A compiler error, placed at the line of the source file it came from. */
    record Failure(Snippet snippet, int sourceLine, String message) {
        @Override
        public String toString() {
            return ROOT.relativize(snippet.file()) + ":" + sourceLine + ": " + message.replace("\n", "\n        ");
        }
    }

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern PRE = Pattern.compile("<pre(?:\\s+class=\"([^\"]*)\")?\\s*>(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\A\\{@code[ \\t]*\\n?(.*)}\\s*\\z", Pattern.DOTALL);
    private static final Pattern LEADING_STAR = Pattern.compile("(?m)^[ \\t]*\\*(?: ?)");
    private static final Pattern OWN_IMPORT = Pattern.compile("(?m)^import\\s+(dev\\.relaykit\\.[\\w.]*\\.[A-Z]\\w*)\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    private JavadocSnippets() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isRegularFile(d.resolve("mvnw"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml + mvnw) above " + dir);
    }

    /** The library modules, from the parent pom. */
    static List<String> libraryModules() {
        String pom = read(ROOT.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(pom);
        while (m.find()) {
            if (!NOT_LIBRARIES.contains(m.group(1))) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }

    /** Every main source file of the library modules. */
    static List<Path> sources() {
        List<Path> files = new ArrayList<>();
        for (String module : libraryModules()) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(main)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The packages of the library modules' public API: every package but {@code internal} ones. */
    static List<String> publicPackages() {
        TreeSet<String> packages = new TreeSet<>();
        for (Path f : sources()) {
            Matcher m = PACKAGE.matcher(read(f));
            if (m.find() && !m.group(1).contains(".internal") && !f.endsWith("package-info.java")) {
                packages.add(m.group(1));
            }
        }
        return List.copyOf(packages);
    }

    private static boolean sameSimpleName(List<String> imported, String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return imported.stream().anyMatch(i -> i.substring(i.lastIndexOf('.') + 1).equals(simple));
    }

    private static Map<String, List<Path>> sharedNames;

    /**
     * For each simple name that public types of several library packages share, the one an example in
     * {@code file} means: none here if the file's own package has one ({@link #publicTypesBeside} imports it),
     * else the one in the file's module, else the one of the module the parent pom lists first.
     */
    static List<String> sharedNamesResolved(Path file) {
        List<String> modules = libraryModules();
        String module = ROOT.relativize(file).getName(0).toString();
        String pkg = packageOf(file);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : sharedNames().entrySet()) {
            if (e.getValue().stream().anyMatch(f -> packageOf(f).equals(pkg))) {
                continue;
            }
            Path pick = e.getValue().stream().filter(f -> ROOT.relativize(f).getName(0).toString().equals(module))
                    .findFirst().orElseGet(() -> e.getValue().stream().min(java.util.Comparator.comparingInt(
                            f -> modules.indexOf(ROOT.relativize(f).getName(0).toString()))).orElseThrow());
            out.add(packageOf(pick) + "." + e.getKey());
        }
        return out;
    }

    private static synchronized Map<String, List<Path>> sharedNames() {
        if (sharedNames == null) {
            Map<String, List<Path>> byName = new java.util.TreeMap<>();
            for (Path f : sources()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (!packageOf(f).contains(".internal") && isPublicType(f, name)) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
                }
            }
            byName.values().removeIf(files -> files.size() < 2);
            sharedNames = byName;
        }
        return sharedNames;
    }

    private static boolean isPublicType(Path file, String name) {
        return Pattern.compile("(?m)^public\\s+(?:[a-z-]+\\s+)*(?:class|interface|enum|record|@interface)\\s+"
                + Pattern.quote(name) + "\\b").matcher(read(file)).find();
    }

    /** The public top-level types of the package a source file is in, fully qualified. */
    static List<String> publicTypesBeside(Path file) {
        String pkg = packageOf(file);
        List<String> types = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            siblings.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                String name = p.getFileName().toString().replace(".java", "");
                if (isPublicType(p, name)) {
                    types.add(pkg + "." + name);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static String packageOf(Path file) {
        Matcher m = PACKAGE.matcher(read(file));
        if (!m.find()) {
            throw new IllegalStateException("no package in " + file);
        }
        return m.group(1);
    }

    /** Every {@code <pre>} block in the javadoc comments of the library modules. */
    static List<Snippet> all() {
        List<Snippet> out = new ArrayList<>();
        for (Path f : sources()) {
            out.addAll(in(f));
        }
        return out;
    }

    /** The {@code <pre>} blocks of one file's javadoc comments. */
    static List<Snippet> in(Path file) {
        String text = read(file);
        List<Snippet> out = new ArrayList<>();
        Matcher doc = JAVADOC.matcher(text);
        while (doc.find()) {
            Matcher pre = PRE.matcher(doc.group());
            while (pre.find()) {
                int line = lineOf(text, doc.start() + pre.start());
                String body = LEADING_STAR.matcher(pre.group(2)).replaceAll("");
                String marker = pre.group(1) == null ? "" : pre.group(1);
                Kind kind = switch (marker) {
                    case "" -> Kind.STATEMENTS;
                    case "java-members" -> Kind.MEMBERS;
                    case "java-file" -> Kind.FILE;
                    case "not-java" -> Kind.NOT_JAVA;
                    default -> Kind.UNMARKED;
                };
                Matcher code = CODE.matcher(body.strip());
                if (kind != Kind.NOT_JAVA && !code.matches()) {
                    kind = Kind.UNMARKED;
                }
                boolean java = kind == Kind.STATEMENTS || kind == Kind.MEMBERS || kind == Kind.FILE;
                out.add(new Snippet(file, line, kind, java ? unescape(code.group(1)) : body));
            }
        }
        return out;
    }

    /**
     * Undoes the entities a javadoc author may have written to keep an {@code @} or {@code <} from javadoc
     * (JDK 17's javadoc shows a plain {@code @} inside {@code {@code}} fine, so the examples here need none).
     */
    static String unescape(String s) {
        return s.replace("&#64;", "@").replace("&lt;", "<").replace("&gt;", ">").replace("&#42;", "*")
                .replace("&#47;", "/").replace("&amp;", "&");
    }

    /**
     * The givens of an example: {@link SnippetGivens}, or for a package whose examples mean other things by the
     * same short names (a TDLib example's {@code client} is a {@code TdClient}) a subclass that hides those fields.
     */
    static Class<? extends SnippetGivens> givensFor(Path file) {
        return packageOf(file).startsWith("dev.relaykit.telegram.tdlib") ? TdSnippetGivens.class : SnippetGivens.class;
    }

    /** The Java source a snippet compiles as: class {@code name} extending {@link SnippetGivens} (or its package's). */
    static String wrap(Snippet s, String name) {
        if (s.kind() == Kind.FILE) {
            return "package snippets." + name.toLowerCase(java.util.Locale.ROOT) + ";\n//LINE " + s.line() + "\n"
                    + s.code() + "\n";
        }
        StringBuilder src = new StringBuilder("package snippets;\n");
        for (String p : IMPORTS) {
            src.append("import ").append(p).append(".*;\n");
        }
        for (String p : publicPackages()) {
            src.append("import ").append(p).append(".*;\n");
        }
        // a name two library packages share (UnknownEvent, Message) means the one next to the example, as when
        // reading it; failing that, the one in the example's module, then the one of the module listed first
        for (String type : publicTypesBeside(s.file())) {
            src.append("import ").append(type).append(";\n");
        }
        // and so does a name the example's own file imports (whatsapp's WebhookEvent, not pusher's)
        List<String> beside = publicTypesBeside(s.file());
        List<String> imported = new ArrayList<>(beside);
        Matcher own = OWN_IMPORT.matcher(read(s.file()));
        while (own.find()) {
            String type = own.group(1);
            if (!sameSimpleName(imported, type)) {
                imported.add(type);
                src.append("import ").append(type).append(";\n");
            }
        }
        for (String type : sharedNamesResolved(s.file())) {
            if (!sameSimpleName(imported, type)) {
                src.append("import ").append(type).append(";\n");
            }
        }
        src.append("import static org.assertj.core.api.Assertions.assertThat;\n");
        src.append("@SuppressWarnings(\"all\")\n");
        src.append("public class ").append(name).append(" extends ").append(givensFor(s.file()).getName())
                .append(" {\n");
        if (s.kind() == Kind.STATEMENTS) {
            src.append("public void example() throws Exception {\n");
        }
        src.append("//LINE ").append(s.line()).append('\n');
        src.append(s.code());
        src.append(s.kind() == Kind.STATEMENTS ? "\n}\n}\n" : "\n}\n");
        return src.toString();
    }

    /** The result of compiling snippets in one javac task. */
    record Compiled(List<Failure> failures, Path classes) {
        /** Loads a compiled snippet class by the name given to {@link #compile}. */
        Class<?> load(String name) throws ReflectiveOperationException {
            try {
                URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                        JavadocSnippets.class.getClassLoader());
                return loader.loadClass("snippets." + name);
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Compiles the Java snippets, each as its own compilation unit named by {@code names}, in one javac task against
     * this test's class path; every error is reported at the source line it came from.
     */
    static Compiled compile(Map<String, Snippet> named) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: the tests need a JDK, not a JRE");
        }
        Path target = Path.of("target");   // the module's build directory, when run by Maven
        Path classes = Files.isDirectory(target) ? Files.createTempDirectory(target, "javadoc-snippets")
                : Files.createTempDirectory("javadoc-snippets");
        Map<JavaFileObject, Snippet> units = new IdentityHashMap<>();
        Map<JavaFileObject, Integer> headerLines = new IdentityHashMap<>();
        for (Map.Entry<String, Snippet> e : named.entrySet()) {
            String src = wrap(e.getValue(), e.getKey());
            String path = e.getValue().kind() == Kind.FILE
                    ? e.getKey().toLowerCase(java.util.Locale.ROOT) + "/" + publicClassOf(e.getValue()) : e.getKey();
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///snippets/" + path + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return src;
                }
            };
            units.put(unit, e.getValue());
            // lines before the snippet's first line, which is the line after "<pre>{@code"
            int before = src.substring(0, src.indexOf("//LINE ")).split("\n", -1).length;
            headerLines.put(unit, before);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Failure> failures = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "-proc:none",
                    "-implicit:none", "-Xlint:none", "-Xmaxerrs", "10000", "--release", "17",
                    // attribute every unit even when another has a syntax error, so one run lists every failure
                    "-XDshould-stop.ifError=FLOW");
            javac.getTask(null, files, diagnostics, options, null, units.keySet()).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Snippet s = units.get(d.getSource());
            if (s == null) {
                throw new IllegalStateException("javac error outside the snippets: " + d);
            }
            // snippet line k (1-based) is unit line headerLines + k; the snippet's line 1 is the <pre> line + 1
            int sourceLine = s.line() + (int) d.getLineNumber() - headerLines.get(d.getSource());
            failures.add(new Failure(s, sourceLine, d.getMessage(null)));
        }
        return new Compiled(failures, classes);
    }

    private static final Pattern TOP_CLASS = Pattern.compile(
            "(?m)^(?:public\\s+)?(?:[a-z-]+\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    /** The name of a whole-file snippet's first top-level type (its file name). */
    private static String publicClassOf(Snippet s) {
        Matcher m = TOP_CLASS.matcher(s.code());
        return m.find() ? m.group(1) : "Example";
    }

    /** Names each Java snippet after its file and line: {@code WsSession_45}. */
    static Map<String, Snippet> named(List<Snippet> snippets) {
        Map<String, Snippet> named = new LinkedHashMap<>();
        for (Snippet s : snippets) {
            if (s.kind() != Kind.NOT_JAVA && s.kind() != Kind.UNMARKED) {
                // package-info.java is not an identifier: its examples compile as package_info_<line>
                String simple = s.file().getFileName().toString().replace(".java", "").replace('-', '_');
                named.put(simple + "_" + s.line(), s);
            }
        }
        return named;
    }

    /** Surefire passes the real class path in a property when java.class.path is only its booter jar. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
