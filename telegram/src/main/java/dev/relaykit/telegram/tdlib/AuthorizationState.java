package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a client stands in TDLib's authorization flow ({@code updateAuthorizationState}; the
 * {@code AuthorizationState} classes of {@code td_api.tl}). Each {@code Wait...} state is a question
 * the user answers with the matching {@link TdClient} method; {@link WaitTdlibParameters} is answered
 * by the client itself from its settings, and a client built with a
 * {@linkplain TdClient.Builder#botToken bot token} answers {@link WaitPhoneNumber} with it.
 *
 * <pre class="java-members">{@code
 * public void onAuthorizationState(TdClient c, AuthorizationState s) {
 *     if (s instanceof AuthorizationState.WaitPhoneNumber) {
 *         c.setPhoneNumber(console.readLine("phone: "));
 *     } else if (s instanceof AuthorizationState.WaitCode code) {
 *         c.checkCode(console.readLine("code sent by " + code.type().kind() + ": "));
 *     } else if (s instanceof AuthorizationState.WaitPassword p) {
 *         c.checkPassword(Secret.of(new String(console.readPassword("password (hint %s): ", p.hint()))));
 *     }
 * }
 * }</pre>
 */
public sealed interface AuthorizationState {

    /**
     * Reads TDLib's object.
     *
     * @param s an {@code AuthorizationState} object of TDLib
     * @return the state ({@link Other} for a class this version does not know)
     */
    static AuthorizationState of(JsonNode s) {
        String type = s.path("@type").asText();
        switch (type) {
            case "authorizationStateWaitTdlibParameters":
                return new WaitTdlibParameters();
            case "authorizationStateWaitPhoneNumber":
                return new WaitPhoneNumber();
            case "authorizationStateWaitCode": {
                JsonNode info = s.path("code_info");
                JsonNode next = info.get("next_type");
                return new WaitCode(info.path("phone_number").asText(), CodeType.of(info.path("type")),
                        next == null || next.isNull() ? null : CodeType.of(next), info.path("timeout").asInt());
            }
            case "authorizationStateWaitPassword":
                return new WaitPassword(s.path("password_hint").asText(""),
                        s.path("has_recovery_email_address").asBoolean(),
                        s.path("recovery_email_address_pattern").asText(""));
            case "authorizationStateWaitRegistration":
                return new WaitRegistration(s.path("terms_of_service").path("text").path("text").asText(""));
            case "authorizationStateWaitEmailAddress":
                return new WaitEmailAddress(s.path("allow_apple_id").asBoolean(), s.path("allow_google_id").asBoolean());
            case "authorizationStateWaitEmailCode": {
                JsonNode info = s.path("code_info");
                return new WaitEmailCode(info.path("email_address_pattern").asText(""), info.path("length").asInt());
            }
            case "authorizationStateWaitOtherDeviceConfirmation":
                return new WaitOtherDeviceConfirmation(s.path("link").asText());
            case "authorizationStateReady":
                return new Ready();
            case "authorizationStateLoggingOut":
                return new LoggingOut();
            case "authorizationStateClosing":
                return new Closing();
            case "authorizationStateClosed":
                return new Closed();
            default:
                return new Other(type, s);
        }
    }

    /** TDLib waits for its parameters; the client sends them from its settings by itself. */
    record WaitTdlibParameters() implements AuthorizationState { }

    /** Waits for the phone number ({@link TdClient#setPhoneNumber}), a bot token ({@link TdClient#checkBotToken}) or a QR login ({@link TdClient#requestQrCode}). */
    record WaitPhoneNumber() implements AuthorizationState { }

    /**
     * Waits for the code Telegram sent ({@link TdClient#checkCode}).
     *
     * @param phoneNumber the phone number the code was sent to
     * @param type how it was sent
     * @param nextType how {@code resendAuthenticationCode} would send it, or {@code null}
     * @param timeoutSeconds seconds before it may be resent (0: no wait)
     */
    record WaitCode(String phoneNumber, CodeType type, CodeType nextType, int timeoutSeconds) implements AuthorizationState { }

    /**
     * Waits for the two-step verification password ({@link TdClient#checkPassword}).
     *
     * @param hint the password's hint, or {@code ""}
     * @param hasRecoveryEmailAddress whether a recovery e-mail address is set
     * @param recoveryEmailAddressPattern the recovery address, partly hidden, or {@code ""}
     */
    record WaitPassword(String hint, boolean hasRecoveryEmailAddress, String recoveryEmailAddressPattern)
            implements AuthorizationState { }

    /**
     * A new phone number: waits for the user's name ({@link TdClient#registerUser}).
     *
     * @param termsOfServiceText Telegram's terms of service to show, or {@code ""}
     */
    record WaitRegistration(String termsOfServiceText) implements AuthorizationState { }

    /**
     * Waits for an e-mail address ({@link TdClient#setEmailAddress}).
     *
     * @param allowAppleId whether Sign in with Apple may be used instead
     * @param allowGoogleId whether Google ID may be used instead
     */
    record WaitEmailAddress(boolean allowAppleId, boolean allowGoogleId) implements AuthorizationState { }

    /**
     * Waits for the code sent to the e-mail address ({@link TdClient#checkEmailCode}).
     *
     * @param emailAddressPattern the address, partly hidden
     * @param codeLength the code's length, or 0 if unknown
     */
    record WaitEmailCode(String emailAddressPattern, int codeLength) implements AuthorizationState { }

    /**
     * QR login: show {@code link} as a QR code and scan it in a logged-in Telegram app.
     *
     * @param link the {@code tg://login?token=...} link
     */
    record WaitOtherDeviceConfirmation(String link) implements AuthorizationState { }

    /** Logged in: every request may be sent. */
    record Ready() implements AuthorizationState { }

    /** Logging out ({@link TdClient#logOut}); {@link Closed} follows. */
    record LoggingOut() implements AuthorizationState { }

    /** Closing ({@link TdClient#close}); {@link Closed} follows. */
    record Closing() implements AuthorizationState { }

    /** Closed: the TDLib instance is gone and the client with it. */
    record Closed() implements AuthorizationState { }

    /**
     * A state this version of RelayKit does not type (a newer TDLib's).
     *
     * @param type TDLib's class name
     * @param raw the object as TDLib sent it
     */
    record Other(String type, JsonNode raw) implements AuthorizationState { }

    /**
     * How an authentication code was (or will be) sent: TDLib's {@code AuthenticationCodeType}.
     *
     * @param kind the class name without its prefix: {@code "TelegramMessage"}, {@code "Sms"},
     *     {@code "Call"}, {@code "FlashCall"}, {@code "MissedCall"}, {@code "Fragment"}, ...
     * @param length the code's length, or 0 where the type has none
     * @param raw the object as TDLib sent it (for the fields of rarer kinds)
     */
    record CodeType(String kind, int length, JsonNode raw) {
        static CodeType of(JsonNode t) {
            String type = t.path("@type").asText();
            String prefix = "authenticationCodeType";
            return new CodeType(type.startsWith(prefix) ? type.substring(prefix.length()) : type,
                    t.path("length").asInt(), t);
        }
    }
}
