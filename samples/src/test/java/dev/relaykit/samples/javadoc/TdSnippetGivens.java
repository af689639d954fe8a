package dev.relaykit.samples.javadoc;

import dev.relaykit.telegram.tdlib.CallbackQuery;
import dev.relaykit.telegram.tdlib.Message;
import dev.relaykit.telegram.tdlib.TdClient;
import dev.relaykit.telegram.tdlib.TdJson;
import dev.relaykit.telegram.tdlib.TdListener;
import java.nio.file.Path;

/**
 * What the TDLib examples ({@code dev.relaykit.telegram.tdlib}) take as given: there {@code client} is a built
 * {@link TdClient} (it hides the WhatsApp client of {@link SnippetGivens}), {@code td} the loaded library, and the
 * ids a reader has from an earlier answer.
 */
public abstract class TdSnippetGivens extends SnippetGivens {
    /** A built TDLib client (hides {@link SnippetGivens#client}). */
    protected TdClient client;
    /** The loaded libtdjson. */
    protected TdJson td;
    /** A chat id, a message's server id and a file id from earlier answers; a message received. */
    protected long chatId;
    protected long serverId;
    protected int fileId;
    protected Message message;
    /** A user, a basic group and a supergroup (ids from earlier answers), an invite link, a callback query received. */
    protected long userId;
    protected long basicGroupId;
    protected long supergroupId;
    protected String link;
    protected CallbackQuery query;
    /** A database directory, the user's listener, and the terminal for questions. */
    protected Path dir;
    protected TdListener myListener;
    protected java.io.Console console;
}
