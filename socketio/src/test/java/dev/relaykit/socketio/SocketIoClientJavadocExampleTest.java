package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.socketio.peer.NodePeer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SocketIoClient}'s class javadoc example runs as written against a real socket.io 4.8.1 server: the test
 * takes the example's text from the source file, points its URL at the server (nothing else changes), compiles it
 * and runs it. (The samples module's {@code JavadocExamplesTest} compiles every javadoc example of the project;
 * this one also runs, which needs the Node.js peers only this module has.)
 */
class SocketIoClientJavadocExampleTest {
    private static final Pattern FIRST_EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\}</pre>", Pattern.DOTALL);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)   // the old example waited on connected() without connect(): forever
    void theClassExampleConnectsEmitsAndPrintsTheAcknowledgement() throws Throwable {
        String source = Files.readString(Path.of("src/main/java/dev/relaykit/socketio/SocketIoClient.java"));
        Matcher m = FIRST_EXAMPLE.matcher(source);
        assertThat(m.find()).as("SocketIoClient's class javadoc has a <pre>{@code ...}</pre> example").isTrue();
        String example = m.group(1).replaceAll("(?m)^[ \\t]*\\* ?", "");
        assertThat(example).contains("\"http://127.0.0.1:3000\"");

        try (NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V4)) {
            String printed = run(example.replace("\"http://127.0.0.1:3000\"", "\"" + peer.url() + "\""));

            // the welcome listener ran (the server emits it on joining /chat), then the ack came back and was printed
            assertThat(printed).contains("{\"gen\":\"v4\",\"nsp\":\"/chat\"}").contains("[\"hello\"]");
        }
    }

    /** Compiles the example as a method body (the imports a reader of the package has) and runs it; returns its output. */
    private static String run(String example) throws Throwable {
        String src = "package example;\n"
                + "import com.fasterxml.jackson.databind.JsonNode;\n"
                + "import dev.relaykit.socketio.*;\n"
                + "import java.util.List;\n"
                + "public class Example { public static void run() throws Exception {\n" + example + "\n} }\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createTempDirectory(Path.of("target"), "javadoc-example");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///example/Example.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return src;
            }
        };
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(null, null, diagnostics, List.of("-classpath", cp.replace(
                File.pathSeparator + File.pathSeparator, File.pathSeparator), "-d", classes.toString(), "-proc:none"),
                null, List.of(unit)).call();
        assertThat(ok).as("the example compiles: " + diagnostics.getDiagnostics()).isTrue();

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SocketIoClientJavadocExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("example.Example").getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }
}
