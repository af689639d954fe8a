package dev.relaykit.samples.javadoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.samples.javadoc.JavadocSnippets.Compiled;
import dev.relaykit.samples.javadoc.JavadocSnippets.Kind;
import dev.relaykit.samples.javadoc.JavadocSnippets.Snippet;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every example in the library modules' javadoc compiles as written: the test scans each module's
 * {@code src/main/java} (the modules come from the parent pom), compiles every {@code <pre>{@code ...}</pre>}
 * block in one javac task and lists every failure at once, by file and line. See {@link JavadocSnippets}
 * for how a block is wrapped and how a block that is not Java says so.
 */
class JavadocExamplesTest {

    @Test
    void everyJavadocExampleCompiles() throws Exception {
        // the examples compile against this module's test class path: a library module added to the parent pom
        // must be a dependency here too, or every example would fail on the import of its packages
        String samplesPom = Files.readString(JavadocSnippets.ROOT.resolve("samples/pom.xml"));
        assertThat(JavadocSnippets.libraryModules())
                .as("library modules that samples/pom.xml does not depend on (add them, test scope is enough)")
                .allMatch(module -> samplesPom.contains("<artifactId>" + module + "</artifactId>"));

        List<Snippet> all = JavadocSnippets.all();
        Map<String, Snippet> java = JavadocSnippets.named(all);
        Compiled compiled = JavadocSnippets.compile(java);

        Map<Kind, Long> counts = all.stream().collect(Collectors.groupingBy(Snippet::kind, Collectors.counting()));
        System.out.println("javadoc <pre> blocks in " + JavadocSnippets.libraryModules() + ": " + counts
                + "; not Java: " + where(all, Kind.NOT_JAVA));
        assertThat(java).as("Java examples found").hasSizeGreaterThan(50);
        assertThat(where(all, Kind.UNMARKED))
                .as("<pre> blocks that are neither <pre>{@code ...}</pre> nor marked <pre class=\"java-members\">"
                        + " or <pre class=\"not-java\">")
                .isEmpty();
        assertThat(compiled.failures())
                .as("javadoc examples that do not compile (" + compiled.failures().stream()
                        .map(f -> f.snippet()).distinct().count() + " of " + java.size() + ")")
                .isEmpty();
    }

    private static List<String> where(List<Snippet> all, Kind kind) {
        return all.stream().filter(s -> s.kind() == kind).map(Snippet::where).toList();
    }
}
