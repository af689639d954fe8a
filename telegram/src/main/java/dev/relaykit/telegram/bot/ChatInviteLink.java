package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An invite link (core.telegram.org/bots/api#chatinvitelink).
 *
 * <pre>{@code
 * ChatInviteLink link = bot.chats().createChatInviteLink(chatId,
 *         Map.of("name", "spring promo", "member_limit", 100, "expire_date", Instant.now().plusSeconds(86400).getEpochSecond()));
 * System.out.println(link.inviteLink());
 * }</pre>
 *
 * @param inviteLink the link; a link created by another administrator has its last part replaced with "..."
 * @param name its name, or {@code null}
 * @param creator who created it
 * @param createsJoinRequest whether users who follow it must be approved
 * @param isPrimary whether it is the chat's primary link
 * @param isRevoked whether it was revoked
 * @param expireDate when it expires, or {@code null}
 * @param memberLimit how many users may join by it, or {@code null}
 * @param raw the whole object
 */
public record ChatInviteLink(String inviteLink, String name, BotUser creator, boolean createsJoinRequest,
                             boolean isPrimary, boolean isRevoked, Instant expireDate, Integer memberLimit,
                             JsonNode raw) {
    /**
     * @param inviteLink the link
     * @param name the name
     * @param creator the creator
     * @param createsJoinRequest whether joins need approval
     * @param isPrimary whether primary
     * @param isRevoked whether revoked
     * @param expireDate the expiry
     * @param memberLimit the member limit
     * @param raw the object
     */
    public ChatInviteLink {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * ChatInviteLink l = ChatInviteLink.of(update.payload().path("invite_link"));
     * }</pre>
     *
     * @param json a ChatInviteLink object
     * @return the link
     */
    public static ChatInviteLink of(JsonNode json) {
        return new ChatInviteLink(Nodes.text(json, "invite_link"), Nodes.text(json, "name"),
                Nodes.user(json.path("creator")), Nodes.flag(json, "creates_join_request"),
                Nodes.flag(json, "is_primary"), Nodes.flag(json, "is_revoked"), Nodes.time(json, "expire_date"),
                Nodes.intOrNull(json, "member_limit"), json);
    }
}
