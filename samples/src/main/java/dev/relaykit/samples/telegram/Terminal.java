package dev.relaykit.samples.telegram;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** Where the console sample asks its questions: the terminal, or a script in its test. */
interface Terminal {

    /**
     * @param prompt the question
     * @return the answer line, or {@code null} at the end of input
     */
    String line(String prompt);

    /**
     * A line that must not be echoed (a password).
     *
     * @param prompt the question
     * @return the answer, or {@code null} at the end of input
     */
    String secret(String prompt);

    /**
     * The process's terminal: {@link System#console()} (a password is not echoed), or standard input when there
     * is no console (input piped in; a password then shows as it is typed, and the prompt says so).
     *
     * @param out where prompts go without a console
     * @return the terminal
     */
    static Terminal system(PrintStream out) {
        Console console = System.console();
        if (console != null) {
            return new Terminal() {
                @Override
                public String line(String prompt) {
                    return console.readLine("%s", prompt);
                }

                @Override
                public String secret(String prompt) {
                    char[] p = console.readPassword("%s", prompt);
                    return p == null ? null : new String(p);
                }
            };
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        return new Terminal() {
            @Override
            public String line(String prompt) {
                out.print(prompt);
                out.flush();
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String secret(String prompt) {
                return line("(no console: the input is visible) " + prompt);
            }
        };
    }
}
