package dev.relaykit.samples.telegram;

import dev.relaykit.telegram.tdlib.NativeTdJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the TDLib samples find {@code libtdjson}: the file the user named ({@code -Drelaykit.tdjson.path} or
 * {@code RELAYKIT_TDJSON_PATH}), else the copy a RelayKit checkout installs for its tests, the npm package
 * {@value #NPM_PACKAGE} pinned by {@code telegram/src/test/node/package-lock.json}. The offline demo may install
 * that copy itself, through the same script the telegram build runs ({@code install-tdlib.sh}: {@code npm ci
 * --ignore-scripts}), because {@code ./relaykit demo} builds with the tests skipped and so never runs it.
 */
final class LocalTdLib {
    /** The npm package and version the checkout pins (TDLib 1.8.67, Linux x64, glibc 2.17+). */
    static final String NPM_PACKAGE = "@prebuilt-tdlib/linux-x64-glibc@0.1008067.0";
    /** Where, below a checkout's root, the pinned copy lands. */
    static final String PINNED = "telegram/src/test/node/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so";
    private static final String SCRIPT = "telegram/src/test/node/install-tdlib.sh";
    /** How to get one, for the messages: said the same way wherever it is said. */
    static final String HOW_TO_GET = "build TDLib (https://tdlib.github.io/td/build.html), or take the prebuilt"
            + " Linux x64 one: npm pack " + NPM_PACKAGE + " and unpack package/libtdjson.so from the .tgz";

    private LocalTdLib() {
    }

    /**
     * Where the library is, or why there is none.
     *
     * @param file the library, or {@code null}
     * @param source where {@code file} came from ({@code "RELAYKIT_TDJSON_PATH"}, {@code "this checkout"})
     * @param why why there is none, one line; {@code null} when {@code file} is set
     */
    record Located(Path file, String source, String why) {
    }

    /**
     * @param env the environment variables
     * @param root the checkout's root ({@link #checkoutRoot()}), or {@code null}
     * @return the library the user named, else the checkout's pinned copy if it is installed
     */
    static Located find(Map<String, String> env, Path root) {
        String named = System.getProperty(NativeTdJson.PATH_PROPERTY);
        if (named != null && !named.isBlank()) {
            return new Located(Path.of(named), "-D" + NativeTdJson.PATH_PROPERTY, null);
        }
        named = env.get(NativeTdJson.PATH_ENV);
        if (named != null && !named.isBlank()) {
            return new Located(Path.of(named), NativeTdJson.PATH_ENV, null);
        }
        if (root != null && Files.isRegularFile(root.resolve(PINNED))) {
            return new Located(root.resolve(PINNED), "this checkout (" + NPM_PACKAGE + ")", null);
        }
        return new Located(null, null, NativeTdJson.PATH_ENV + " is not set and "
                + (root == null ? "this is not a RelayKit checkout" : "this checkout has not installed " + PINNED));
    }

    /**
     * {@link #find}, and when that finds nothing, installs the checkout's pinned copy (Linux x64 with npm only).
     *
     * @param env the environment variables
     * @param root the checkout's root, or {@code null}
     * @param out where to say that it installs
     * @return the library, or why there is none
     */
    static Located findOrInstall(Map<String, String> env, Path root, PrintStream out) {
        Located found = find(env, root);
        if (found.file() != null || root == null || !Files.isRegularFile(root.resolve(SCRIPT))) {
            return found;
        }
        if (!linuxX64()) {
            return new Located(null, null, "the prebuilt libtdjson this checkout installs exists for Linux x64 only,"
                    + " and this is " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "; set " + NativeTdJson.PATH_ENV + " to a libtdjson of your own");
        }
        if (!onPath("npm")) {
            return new Located(null, null, "libtdjson is installed with npm, and npm is not on the PATH (install"
                    + " Node.js, or set " + NativeTdJson.PATH_ENV + "; to get one: " + HOW_TO_GET + ")");
        }
        out.println("installing libtdjson once: npm ci of " + NPM_PACKAGE + " (TDLib 1.8.67, about 60 MB),"
                + " pinned by telegram/src/test/node/package-lock.json ...");
        String why = install(root.resolve(SCRIPT));
        if (why != null) {
            return new Located(null, null, why);
        }
        Path pinned = root.resolve(PINNED);
        return Files.isRegularFile(pinned) ? new Located(pinned, "this checkout (" + NPM_PACKAGE + ")", null)
                : new Located(null, null, "npm ci finished but " + pinned + " is missing");
    }

    /** Runs the install script; returns why it failed, or {@code null}. */
    private static String install(Path script) {
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "installing libtdjson with npm took over 10 minutes; stopped";
            }
            if (p.exitValue() != 0) {
                String last = output.isEmpty() ? "no output" : output.substring(output.lastIndexOf('\n') + 1);
                return "installing libtdjson with npm failed (exit " + p.exitValue() + "): " + last;
            }
            return null;
        } catch (IOException e) {
            return "could not run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while installing libtdjson";
        }
    }

    /**
     * The root of the RelayKit checkout these samples were built in: they run from
     * {@code samples/target/relaykit-samples.jar} ({@code ./relaykit}) or {@code samples/target/classes}
     * (Maven, tests), both two levels below {@code samples/}.
     *
     * @return the root, or {@code null} when the samples run from anywhere else
     */
    static Path checkoutRoot() {
        try {
            Path here = Path.of(LocalTdLib.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = here.getParent() == null || here.getParent().getParent() == null ? null
                    : here.getParent().getParent().getParent();
            return root != null && Files.isDirectory(root.resolve("telegram/src/test/node")) ? root : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static boolean linuxX64() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
