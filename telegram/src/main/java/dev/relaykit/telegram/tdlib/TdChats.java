package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Who am I, chats and their history: {@code getMe}, {@code getChats}, {@code getChat},
 * {@code getChatHistory}, {@code searchPublicChat}; private and secret chats with a user
 * ({@code createPrivateChat}, {@code createNewSecretChat}); groups are {@link TdGroups}. The sync forms
 * wait for TDLib's answer (not from a listener callback); {@code ...Async} forms return a future.
 *
 * <pre>{@code
 * TdChats chats = client.chats();
 * User me = chats.me();
 * List<Chat> top = chats.list(20);
 * List<Message> last = chats.history(top.get(0).id(), 0, 50);
 * }</pre>
 */
public final class TdChats {
    private final TdCalls calls;

    TdChats(TdCalls calls) {
        this.calls = calls;
    }

    /** @return the logged-in account ({@code getMe}) */
    public User me() {
        return calls.await(meAsync());
    }

    /** @return the logged-in account ({@code getMe}) */
    public CompletableFuture<User> meAsync() {
        return calls.call(TdClient.function("getMe")).thenApply(User::of);
    }

    /**
     * @param userId a user's id
     * @return the user ({@code getUser})
     */
    public User user(long userId) {
        return calls.await(calls.call(TdClient.function("getUser").put("user_id", userId)).thenApply(User::of));
    }

    /**
     * @param chatId a chat's id
     * @return the chat ({@code getChat}); a {@link TdException} "Chat not found" if this account has not seen it
     */
    public Chat chat(long chatId) {
        return calls.await(chatAsync(chatId));
    }

    /**
     * @param chatId a chat's id
     * @return the chat ({@code getChat})
     */
    public CompletableFuture<Chat> chatAsync(long chatId) {
        return calls.call(TdClient.function("getChat").put("chat_id", chatId)).thenApply(Chat::of);
    }

    /**
     * The first chats of the main list, in its order ({@code getChats}, then {@code getChat} for each).
     *
     * @param limit how many
     * @return the chats
     */
    public List<Chat> list(int limit) {
        return calls.await(listAsync(limit));
    }

    /**
     * @param limit how many
     * @return the first chats of the main list ({@code getChats} and {@code getChat})
     */
    public CompletableFuture<List<Chat>> listAsync(int limit) {
        ObjectNode f = TdClient.function("getChats").put("limit", limit);
        f.putObject("chat_list").put("@type", "chatListMain");
        return calls.call(f).thenCompose(ids -> {
            List<CompletableFuture<Chat>> each = new ArrayList<>();
            for (JsonNode id : ids.path("chat_ids")) {
                each.add(chatAsync(id.asLong()));
            }
            return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
                List<Chat> chats = new ArrayList<>();
                for (CompletableFuture<Chat> c : each) {
                    chats.add(c.join());
                }
                return List.copyOf(chats);
            });
        });
    }

    /**
     * A chat's messages, newest first ({@code getChatHistory}). TDLib may return fewer than asked
     * (what it has at hand); ask again from the last one's id for more.
     *
     * @param chatId the chat
     * @param fromMessageId start before this message, or 0 for the newest
     * @param limit at most this many (up to 100)
     * @return the messages
     */
    public List<Message> history(long chatId, long fromMessageId, int limit) {
        return calls.await(historyAsync(chatId, fromMessageId, limit));
    }

    /**
     * @param chatId the chat
     * @param fromMessageId start before this message, or 0 for the newest
     * @param limit at most this many
     * @return the messages ({@code getChatHistory})
     */
    public CompletableFuture<List<Message>> historyAsync(long chatId, long fromMessageId, int limit) {
        ObjectNode f = TdClient.function("getChatHistory").put("chat_id", chatId).put("from_message_id", fromMessageId)
                .put("offset", 0).put("limit", limit).put("only_local", false);
        return calls.call(f).thenApply(TdMessages::messages);
    }

    /**
     * Finds a public chat by username ({@code searchPublicChat}): also how a bot gets to know a chat.
     *
     * @param username without {@code @}
     * @return the chat
     */
    public Chat searchPublic(String username) {
        return calls.await(calls.call(TdClient.function("searchPublicChat").put("username", username))
                .thenApply(Chat::of));
    }
    /**
     * The private chat with a user ({@code createPrivateChat}); TDLib creates it locally if needed.
     *
     * <pre>{@code
     * Chat dm = client.chats().createPrivate(userId);
     * client.messages().sendText(dm.id(), "hello");
     * }</pre>
     *
     * @param userId the user
     * @return the chat
     */
    public Chat createPrivate(long userId) {
        return calls.await(calls.call(TdClient.function("createPrivateChat").put("user_id", userId).put("force", false))
                .thenApply(Chat::of));
    }

    /**
     * Starts a secret (end-to-end encrypted) chat with a user ({@code createNewSecretChat}; user accounts
     * only, with {@link TdClient.Builder#useSecretChats}). The chat is usable once the other side's app
     * accepted it ({@code updateSecretChat} in {@link TdListener#onUpdate}).
     *
     * @param userId the user
     * @return the new chat ({@code "Secret"})
     */
    public Chat createSecret(long userId) {
        return calls.await(calls.call(TdClient.function("createNewSecretChat").put("user_id", userId))
                .thenApply(Chat::of));
    }
}
