package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import java.util.Set;

/**
 * The Cloud API answered with a Graph API error object:
 * {@code {"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id","is_transient"}}}.
 *
 * <p>Build error handling on {@link #kind()} (derived from Meta's numeric {@link #errorCode()}, as
 * Meta recommends) and {@link #isRetryable()}; {@link #details()} says what exactly was wrong.
 * Note that Meta's {@code type} is {@code "OAuthException"} for most errors, not only for
 * authentication: {@link Kind#AUTHENTICATION} comes from code 190 (or 0, or HTTP 401).
 *
 * <pre>{@code
 * String to = "+16505551234";
 * try {
 *     client.send(Message.text(to, "Your order shipped"));
 * } catch (WhatsAppApiException e) {
 *     if (e.kind() == WhatsAppApiException.Kind.REENGAGEMENT_REQUIRED) {
 *         client.send(Message.template(to, "order_shipped", "en_US"));
 *     }
 * }
 * }</pre>
 *
 * <p>An error Meta rejected is never a message that went out: the client retries retryable kinds
 * itself (see {@link WhatsAppClient}), so one that reaches you has used up the retries.
 */
public class WhatsAppApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** What kind of error Meta reported, from its numeric code. */
    public enum Kind {
        /** 130429: the phone number's message throughput is exhausted. Retryable. */
        THROUGHPUT_LIMIT,
        /** 131056: too many messages to the same user in a short time. Retryable after a pause. */
        PAIR_RATE_LIMIT,
        /** 80007: the WhatsApp Business Account's rate limit. Retryable. */
        BUSINESS_ACCOUNT_RATE_LIMIT,
        /** 4, 613: the app's Graph API call rate limit. Retryable. */
        APP_RATE_LIMIT,
        /** 131048: sending is restricted for quality (spam) reasons. Not retryable. */
        SPAM_RATE_LIMIT,
        /** 131047: more than 24 hours since the user last wrote; only a template can be sent. */
        REENGAGEMENT_REQUIRED,
        /** 131026: the message cannot be delivered to this user. */
        UNDELIVERABLE,
        /** 190 (or 0, or HTTP 401): the access token is invalid or expired. */
        AUTHENTICATION,
        /** 10, 200-299, 131005: the token lacks a permission. */
        PERMISSION,
        /** 100, 33, 131008, 131009: a parameter is missing, unsupported or invalid. */
        INVALID_PARAMETER,
        /** 131051: the message type is not supported. */
        UNSUPPORTED_MESSAGE_TYPE,
        /** 131052, 131053: media could not be downloaded or uploaded. */
        MEDIA,
        /** 132000-132999: a template is missing, paused, or its parameters do not match. */
        TEMPLATE,
        /** 1, 2, 131000, 131016, or {@code is_transient: true}: a temporary failure at Meta. Retryable. */
        TRANSIENT,
        /** Any other code. */
        OTHER
    }

    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 131000, 131016);

    private final int errorCode;
    private final Integer subcode;
    private final String type;
    private final String details;
    private final String fbtraceId;
    private final boolean transientFlag;
    private final Kind kind;

    /**
     * @param httpStatus the HTTP status
     * @param errorCode Meta's numeric {@code code}
     * @param subcode Meta's {@code error_subcode}, or {@code null}
     * @param type Meta's {@code type} ({@code "OAuthException"}), or {@code null}
     * @param message Meta's {@code message}, or {@code null}
     * @param details {@code error_data.details}, or {@code null}
     * @param fbtraceId {@code fbtrace_id}, for Meta support, or {@code null}
     * @param isTransient Meta's {@code is_transient} flag
     */
    public WhatsAppApiException(int httpStatus, int errorCode, Integer subcode, String type, String message,
            String details, String fbtraceId, boolean isTransient) {
        super("whatsapp", httpStatus, String.valueOf(errorCode), message);
        this.errorCode = errorCode;
        this.subcode = subcode;
        this.type = type;
        this.details = details;
        this.fbtraceId = fbtraceId;
        this.transientFlag = isTransient;
        this.kind = classify(errorCode, httpStatus);
    }

    /**
     * Reads Meta's error body.
     *
     * @param httpStatus the HTTP status
     * @param body the response body (already redacted)
     * @return the exception, or {@code null} if the body is not a Graph API error object
     */
    static WhatsAppApiException parse(int httpStatus, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode err;
        try {
            err = Json.tree(body).path("error");
        } catch (RelayKitException notJson) {
            return null;
        }
        if (!err.isObject() || !err.path("code").canConvertToInt()) {
            return null;
        }
        return new WhatsAppApiException(httpStatus, err.path("code").asInt(),
                err.path("error_subcode").canConvertToInt() ? err.path("error_subcode").asInt() : null,
                text(err.path("type")), text(err.path("message")), text(err.path("error_data").path("details")),
                text(err.path("fbtrace_id")), err.path("is_transient").asBoolean(false));
    }

    /** @return a value node's text, or {@code null} for a missing, null, object or array node (also for {@link SendResult}) */
    static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    static Kind classify(int code, int httpStatus) {
        return switch (code) {
            case 130429 -> Kind.THROUGHPUT_LIMIT;
            case 131056 -> Kind.PAIR_RATE_LIMIT;
            case 80007 -> Kind.BUSINESS_ACCOUNT_RATE_LIMIT;
            case 4, 613 -> Kind.APP_RATE_LIMIT;
            case 131048 -> Kind.SPAM_RATE_LIMIT;
            case 131047 -> Kind.REENGAGEMENT_REQUIRED;
            case 131026 -> Kind.UNDELIVERABLE;
            case 190, 0 -> Kind.AUTHENTICATION;
            case 10, 131005 -> Kind.PERMISSION;
            case 100, 33, 131008, 131009 -> Kind.INVALID_PARAMETER;
            case 131051 -> Kind.UNSUPPORTED_MESSAGE_TYPE;
            case 131052, 131053 -> Kind.MEDIA;
            default -> {
                if (TRANSIENT_CODES.contains(code)) {
                    yield Kind.TRANSIENT;
                }
                if (code >= 200 && code <= 299) {
                    yield Kind.PERMISSION;
                }
                if (code >= 132000 && code <= 132999) {
                    yield Kind.TEMPLATE;
                }
                yield httpStatus == 401 ? Kind.AUTHENTICATION : Kind.OTHER;
            }
        };
    }

    /** @return Meta's numeric error code ({@code 131047}); {@link #code()} is the same as text */
    public int errorCode() {
        return errorCode;
    }

    /** @return Meta's {@code error_subcode}, or {@code null} (deprecated by Meta, absent on most errors) */
    public Integer subcode() {
        return subcode;
    }

    /** @return Meta's {@code type}, usually {@code "OAuthException"}, or {@code null} */
    public String type() {
        return type;
    }

    /** @return {@code error_data.details}: what exactly was wrong, or {@code null} */
    public String details() {
        return details;
    }

    /** @return {@code fbtrace_id}, to quote to Meta support, or {@code null} */
    public String fbtraceId() {
        return fbtraceId;
    }

    /** @return the kind of error */
    public Kind kind() {
        return kind;
    }

    /** @return Meta's {@code is_transient} flag */
    public boolean isTransient() {
        return transientFlag;
    }

    /**
     * @return {@code true} if sending the same request again later can succeed: throughput, pair,
     *     account and app rate limits and transient failures. Meta rejected the request, so a retry
     *     cannot duplicate a message.
     */
    public boolean isRetryable() {
        return transientFlag || switch (kind) {
            case THROUGHPUT_LIMIT, PAIR_RATE_LIMIT, BUSINESS_ACCOUNT_RATE_LIMIT, APP_RATE_LIMIT, TRANSIENT -> true;
            default -> false;
        };
    }

    /** @return Meta's message, then its details, the kind and the trace id */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(super.getMessage());
        if (details != null && !details.equals(serviceMessage())) {
            sb.append(" - ").append(details);
        }
        sb.append(" [").append(kind);
        if (fbtraceId != null) {
            sb.append(", fbtrace_id=").append(fbtraceId);
        }
        return sb.append(']').toString();
    }
}
