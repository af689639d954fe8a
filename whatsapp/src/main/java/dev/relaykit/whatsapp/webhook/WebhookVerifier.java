package dev.relaykit.whatsapp.webhook;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.webhook.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks that a WhatsApp webhook request comes from Meta: the {@code X-Hub-Signature-256} of a delivery (the
 * HMAC-SHA256 of the exact body bytes with the app secret, compared in constant time) and the verify token of a
 * subscription request ({@code GET ?hub.mode=subscribe}). {@link WebhookHandler} verifies with it; so does any
 * receiver that hands verified deliveries on elsewhere instead of to a listener (the {@code kafka} module's
 * webhook intake), so there is one check, not two.
 *
 * <pre class="java-members">{@code
 * private final WebhookVerifier verifier = new WebhookVerifier(Secret.of(System.getenv("WHATSAPP_APP_SECRET")), null);
 *
 * WebhookResponse check(WebhookRequest request, byte[] body) {
 *     String problem = verifier.signatureProblem(request.header(WebhookHandler.SIGNATURE_HEADER), body);
 *     if (problem != null) {
 *         return WebhookResponse.text(401, "invalid signature");   // problem is for your log; never a secret
 *     }
 *     return WebhookResponse.empty(200);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookVerifier {
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final PayloadSigner signer;
    private final Secret verifyToken;

    /**
     * @param appSecret the app secret that signs every delivery; not empty
     * @param verifyToken the verify token entered with the callback URL, or {@code null} to refuse every
     *     subscription request
     */
    public WebhookVerifier(Secret appSecret, Secret verifyToken) {
        Objects.requireNonNull(appSecret, "appSecret");
        if (appSecret.isEmpty()) {
            throw new IllegalArgumentException("appSecret is empty");
        }
        if (verifyToken != null && verifyToken.isEmpty()) {
            throw new IllegalArgumentException("verifyToken is empty");
        }
        this.signer = PayloadSigner.hmacSha256Hex(appSecret);
        this.verifyToken = verifyToken;
    }

    /**
     * Checks a delivery's signature.
     *
     * <pre>{@code
     * WebhookVerifier verifier = new WebhookVerifier(Secret.of(System.getenv("WHATSAPP_APP_SECRET")), null);
     * boolean genuine = verifier.signatureProblem(request.header("X-Hub-Signature-256"), body) == null;
     * }</pre>
     *
     * @param signatureHeader the {@value WebhookHandler#SIGNATURE_HEADER} header, or {@code null} if absent
     * @param body the exact body bytes received
     * @return why the signature is not acceptable, or {@code null} if it is; never the signature itself
     */
    public String signatureProblem(String signatureHeader, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return "no " + WebhookHandler.SIGNATURE_HEADER + " header";
        }
        String v = signatureHeader.trim();
        if (!v.startsWith(SIGNATURE_PREFIX) || v.length() != SIGNATURE_PREFIX.length() + 64 || !isHex(v)) {
            return WebhookHandler.SIGNATURE_HEADER + " is not of the form sha256=<64 hex digits>";
        }
        byte[] given = v.substring(SIGNATURE_PREFIX.length()).toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signer.sign(body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return "the signature does not match the body (a different app secret, or a changed body)";
        }
        return null;
    }

    /**
     * Answers a subscription (verification) request: 200 with the challenge when {@code hub.mode} is
     * {@code subscribe}, {@code hub.verify_token} matches and the challenge has at most
     * {@value WebhookHandler#MAX_CHALLENGE_LENGTH} characters; 400 for a longer challenge; 403 otherwise. A refused
     * challenge is never echoed.
     *
     * <pre>{@code
     * WebhookVerifier verifier = new WebhookVerifier(Secret.of(System.getenv("WHATSAPP_APP_SECRET")),
     *         Secret.of(System.getenv("WHATSAPP_VERIFY_TOKEN")));
     * WebhookResponse answer = verifier.answerSubscription(request::queryParameter,
     *         why -> System.err.println("verification refused: " + why));
     * }</pre>
     *
     * @param query looks up a decoded query parameter by name; {@code null} when absent
     * @param refused told why a request was refused (never the token)
     * @return the response to send
     */
    public WebhookResponse answerSubscription(Function<String, String> query, Consumer<String> refused) {
        String mode = query.apply("hub.mode");
        String token = query.apply("hub.verify_token");
        String challenge = query.apply("hub.challenge");
        String why = null;
        if (verifyToken == null) {
            why = "no verify token is configured on this handler";
        } else if (!"subscribe".equals(mode)) {
            why = "hub.mode is not 'subscribe'";
        } else if (token == null || !verifyToken.matches(Secret.of(token))) {
            why = "hub.verify_token does not match the configured verify token";
        } else if (challenge == null) {
            why = "hub.challenge is missing";
        }
        if (why != null) {
            refused.accept(why);
            return WebhookResponse.text(403, "verification failed");
        }
        if (challenge.length() > WebhookHandler.MAX_CHALLENGE_LENGTH) {
            refused.accept("hub.challenge has " + challenge.length() + " characters, more than "
                    + WebhookHandler.MAX_CHALLENGE_LENGTH);
            return WebhookResponse.text(400, "hub.challenge is longer than " + WebhookHandler.MAX_CHALLENGE_LENGTH
                    + " characters");
        }
        return WebhookResponse.text(200, challenge);
    }

    private static boolean isHex(String v) {
        for (int i = SIGNATURE_PREFIX.length(); i < v.length(); i++) {
            if (Character.digit(v.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return a fixed text; never the secret or the verify token */
    @Override
    public String toString() {
        return "WebhookVerifier[verifyToken " + (verifyToken == null ? "absent" : "set") + "]";
    }
}
