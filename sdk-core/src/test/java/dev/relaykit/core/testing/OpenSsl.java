package dev.relaykit.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the openssl command line, an implementation independent of the JDK, to cross-check
 * signatures. Required: a missing openssl fails the test rather than skipping it.
 */
public final class OpenSsl {
    private OpenSsl() {
    }

    /** Runs openssl with arguments, feeds stdin, returns stdout; fails on a non-zero exit. */
    public static byte[] run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        String err;
        try (InputStream e = p.getErrorStream()) {
            err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + err);
        }
        return out;
    }

    public static String runText(byte[] stdin, String... args) throws IOException, InterruptedException {
        return new String(run(stdin, args), StandardCharsets.UTF_8).trim();
    }
}
