package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What members of a chat may do (core.telegram.org/bots/api#chatpermissions), for
 * {@link BotChats#restrictChatMember} and as read from a chat or a restricted member. Immutable;
 * {@link #allow}, {@link #deny} and {@link #with} return a copy. A field Telegram added after this
 * release is kept when read and can be set with {@link #with}.
 *
 * <pre>{@code
 * ChatPermissions readOnly = ChatPermissions.none();
 * ChatPermissions textOnly = ChatPermissions.none().allow(ChatPermissions.Permission.SEND_MESSAGES);
 * bot.chats().restrictChatMember(chatId, 987654321L, textOnly, Instant.now().plus(Duration.ofHours(1)));
 * }</pre>
 */
public final class ChatPermissions {

    /** The permissions the Bot API documents (Bot API 10.x); each is a {@code can_...} field. */
    public enum Permission {
        /** {@code can_send_messages}: text messages, contacts, invoices, locations and venues. */
        SEND_MESSAGES,
        /** {@code can_send_audios}. */
        SEND_AUDIOS,
        /** {@code can_send_documents}. */
        SEND_DOCUMENTS,
        /** {@code can_send_photos}. */
        SEND_PHOTOS,
        /** {@code can_send_videos}. */
        SEND_VIDEOS,
        /** {@code can_send_video_notes}. */
        SEND_VIDEO_NOTES,
        /** {@code can_send_voice_notes}. */
        SEND_VOICE_NOTES,
        /** {@code can_send_polls}. */
        SEND_POLLS,
        /** {@code can_send_other_messages}: animations, games, stickers, inline bots. */
        SEND_OTHER_MESSAGES,
        /** {@code can_add_web_page_previews}. */
        ADD_WEB_PAGE_PREVIEWS,
        /** {@code can_react_to_messages}. */
        REACT_TO_MESSAGES,
        /** {@code can_change_info}: title, photo and other settings. */
        CHANGE_INFO,
        /** {@code can_invite_users}. */
        INVITE_USERS,
        /** {@code can_pin_messages}. */
        PIN_MESSAGES,
        /** {@code can_manage_topics}: forum topics. */
        MANAGE_TOPICS,
        /** {@code can_edit_tag}: their own member tag. */
        EDIT_TAG;

        /** @return the field's name ({@code "can_send_messages"}) */
        public String field() {
            return "can_" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, Boolean> fields;

    private ChatPermissions(Map<String, Boolean> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    private static ChatPermissions every(boolean value) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (Permission p : Permission.values()) {
            m.put(p.field(), value);
        }
        return new ChatPermissions(m);
    }

    /** @return every documented permission {@code false}: members can read only */
    public static ChatPermissions none() {
        return every(false);
    }

    /** @return every documented permission {@code true} */
    public static ChatPermissions all() {
        return every(true);
    }

    /**
     * Reads a ChatPermissions object ({@code getChat}'s {@code permissions}); unknown fields kept.
     *
     * <pre>{@code
     * ChatPermissions p = ChatPermissions.of(bot.chats().getChat(chatId).raw().path("permissions"));
     * }</pre>
     *
     * @param json the object
     * @return its boolean fields
     */
    public static ChatPermissions of(JsonNode json) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isBoolean()) {
                m.put(e.getKey(), e.getValue().asBoolean());
            }
        }
        return new ChatPermissions(m);
    }

    /**
     * @param permissions the permissions to grant
     * @return a copy with them {@code true}
     */
    public ChatPermissions allow(Permission... permissions) {
        ChatPermissions out = this;
        for (Permission p : permissions) {
            out = out.with(p.field(), true);
        }
        return out;
    }

    /**
     * @param permissions the permissions to take away
     * @return a copy with them {@code false}
     */
    public ChatPermissions deny(Permission... permissions) {
        ChatPermissions out = this;
        for (Permission p : permissions) {
            out = out.with(p.field(), false);
        }
        return out;
    }

    /**
     * @param field any {@code can_...} field by its documented name
     * @param value its value
     * @return a copy with it
     */
    public ChatPermissions with(String field, boolean value) {
        Map<String, Boolean> m = new LinkedHashMap<>(fields);
        m.put(Objects.requireNonNull(field, "field"), value);
        return new ChatPermissions(m);
    }

    /**
     * @param permission a permission
     * @return whether it is granted ({@code false} when the object does not say)
     */
    public boolean isAllowed(Permission permission) {
        return Boolean.TRUE.equals(fields.get(permission.field()));
    }

    /** @return the JSON fields, as sent */
    @JsonValue
    public Map<String, Boolean> fields() {
        return fields;
    }

    /** @return whether both hold the same fields */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChatPermissions p && p.fields.equals(fields);
    }

    /** @return a hash of the fields */
    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** @return the fields */
    @Override
    public String toString() {
        return "ChatPermissions" + fields;
    }
}
