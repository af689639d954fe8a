package dev.relaykit.core.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scrubs secrets from text before it reaches a log line, an exception message or a
 * {@code toString()}.
 *
 * <p>Three kinds of scrubbing, applied in this order:
 * <ol>
 *   <li>known literal values ({@link #withValues(Collection)}): every occurrence of the value, raw
 *       or percent-encoded, becomes {@code ***};</li>
 *   <li>sensitive names (case-insensitive) in the shapes they appear in: query or form parameters
 *       ({@code signature=abc}), JSON fields ({@code "listenKey":"abc"}) and header lines
 *       ({@code Authorization: Bearer abc});</li>
 *   <li>Telegram Bot API tokens in URL paths ({@code /bot123456:AA...} becomes {@code /bot***}).</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * String safe = Redactor.standard().redact("GET /api/v3/order?symbol=BTCUSDT&signature=c8db56");
 * // "GET /api/v3/order?symbol=BTCUSDT&signature=***"
 * }</pre>
 */
public final class Redactor {
    /** What every redacted value is replaced with. */
    public static final String MASK = "***";

    private static final Set<String> DEFAULT_NAMES = Set.of(
            "signature", "sign", "apikey", "api_key", "api-key", "x-api-key", "x-mbx-apikey",
            "listenkey", "token", "access_token", "refresh_token", "id_token", "authorization",
            "proxy-authorization", "secret", "secretkey", "secret_key", "api_secret", "client_secret",
            "password", "passphrase", "private_key", "privatekey", "hub.verify_token",
            "appsecret_proof", "auth_signature", "cookie", "set-cookie");

    private static final Pattern BOT_TOKEN = Pattern.compile("(/bot)\\d+:[A-Za-z0-9_-]+");

    private static final Redactor STANDARD = new Redactor(DEFAULT_NAMES, List.of());

    private final Set<String> names;
    private final List<String> values;
    private final Pattern paramPattern;
    private final Pattern jsonPattern;
    private final Pattern headerPattern;

    private Redactor(Set<String> names, List<String> values) {
        this.names = Set.copyOf(names);
        this.values = List.copyOf(values);
        String alternatives = this.names.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        String notNameChar = "(?<![A-Za-z0-9_.\\-])";
        this.paramPattern = Pattern.compile(
                notNameChar + "(" + alternatives + ")=[^&\\s\"'#,;<>]+", Pattern.CASE_INSENSITIVE);
        this.jsonPattern = Pattern.compile(
                "(\"(?:" + alternatives + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)",
                Pattern.CASE_INSENSITIVE);
        this.headerPattern = Pattern.compile(
                notNameChar + "(" + alternatives + "):[ \\t]*[^\\r\\n]+", Pattern.CASE_INSENSITIVE);
    }

    private Redactor(Redactor sameNames, List<String> values) {
        this.names = sameNames.names;
        this.values = List.copyOf(values);
        this.paramPattern = sameNames.paramPattern;
        this.jsonPattern = sameNames.jsonPattern;
        this.headerPattern = sameNames.headerPattern;
    }

    /**
     * The redactor for the names every RelayKit module treats as sensitive: {@code signature},
     * {@code apiKey}, {@code api_key}, {@code X-MBX-APIKEY}, {@code listenKey}, {@code token},
     * {@code access_token}, {@code Authorization}, {@code secret} and similar.
     *
     * @return the standard redactor
     */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * A redactor that also treats these parameter, field or header names as sensitive.
     *
     * @param extraNames more sensitive names (case-insensitive)
     * @return a new redactor
     */
    public Redactor withNames(Collection<String> extraNames) {
        Set<String> all = new LinkedHashSet<>(names);
        for (String n : extraNames) {
            if (n != null && !n.isBlank()) {
                all.add(n.toLowerCase(Locale.ROOT));
            }
        }
        return new Redactor(all, values);
    }

    /**
     * A redactor that also scrubs these literal values wherever they appear, raw or
     * percent-encoded. Values shorter than 4 characters are ignored (they would scrub ordinary
     * text).
     *
     * @param secretValues the values to scrub
     * @return a new redactor
     */
    public Redactor withValues(Collection<String> secretValues) {
        Set<String> all = new LinkedHashSet<>(values);
        for (String v : secretValues) {
            if (v != null && v.length() >= 4) {
                String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
                all.add(v);
                all.add(encoded);
                all.add(encoded.replace("+", "%20"));
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(this, sorted);
    }

    /**
     * @param name a parameter, field or header name
     * @return {@code true} if values under this name are scrubbed
     */
    public boolean isSensitive(String name) {
        return name != null && names.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Scrubs a text.
     *
     * @param text any text: a URL, a query string, a response body, an exception message
     * @return the text with every secret replaced by {@value #MASK}; {@code null} stays {@code null}
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        out = paramPattern.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + MASK));
        out = jsonPattern.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        out = headerPattern.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ": " + MASK));
        out = BOT_TOKEN.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return out;
    }

    /** @return a summary naming how many names and values are scrubbed, never the values */
    @Override
    public String toString() {
        return "Redactor[names=" + names.size() + ", values=" + values.size() + "]";
    }
}
