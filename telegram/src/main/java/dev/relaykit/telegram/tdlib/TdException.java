package dev.relaykit.telegram.tdlib;

import dev.relaykit.core.ApiException;

/**
 * TDLib answered a request with an {@code error} object: {@link #tdCode()} is TDLib's code (400 a bad
 * request, 401 unauthorized, 404 not found, 406 to be ignored, 420 flood wait, 429 too many requests,
 * 500 internal), {@link #serviceMessage()} its message ({@code "PHONE_CODE_INVALID"},
 * {@code "Chat not found"}).
 *
 * <p>A bot that gets {@code "Chat not found"} for a chat it has not seen yet hits a known trap: TDLib
 * knows only chats the account has met (a message from it, a {@code getChats} listing, a
 * {@code searchPublicChat} by username). The exception's message then says so.
 *
 * <pre>{@code
 * try {
 *     client.messages().sendText(chatId, "hi", ParseMode.MARKDOWN_V2);
 * } catch (TdException e) {
 *     if (e.tdCode() == 400) {                 // e.getMessage(): "tdlib error 400: Chat not found (...)"
 *         System.err.println(e.getMessage());
 *     }
 * }
 * }</pre>
 */
public class TdException extends ApiException {
    private static final long serialVersionUID = 1L;

    static final String CHAT_NOT_FOUND_HINT = "TDLib knows only chats this account has already seen: a bot must"
            + " first receive a message from the chat, or find it with searchPublicChat (by username) or"
            + " getChats, before it can send there";

    private final int tdCode;
    private final String tdMessage;

    /**
     * @param tdCode TDLib's error code
     * @param message TDLib's error message
     * @param request the {@code @type} of the request that failed, for the message, or {@code null}
     */
    public TdException(int tdCode, String message, String request) {
        super("tdlib", 0, Integer.toString(tdCode), describe(message, request));
        this.tdCode = tdCode;
        this.tdMessage = message;
    }

    private static String describe(String message, String request) {
        String m = message == null ? "" : message;
        if (request != null) {
            m = m + " (" + request + ")";
        }
        if (message != null && message.startsWith("Chat not found")) {
            m = m + ". " + CHAT_NOT_FOUND_HINT;
        }
        return m;
    }

    /** @return TDLib's own message, as it sent it ({@code "Chat not found"}) */
    @Override
    public String serviceMessage() {
        return tdMessage;
    }

    /** @return TDLib's error code ({@code 400}, {@code 401}, {@code 420}, ...) */
    public int tdCode() {
        return tdCode;
    }
}
