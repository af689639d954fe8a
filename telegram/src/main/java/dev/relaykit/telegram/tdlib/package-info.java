/**
 * A TDLib client: Telegram's own client library ({@code libtdjson}, native code), bound with JNA, for
 * user and bot accounts. Start with {@link dev.relaykit.telegram.tdlib.NativeTdJson#load()} and
 * {@link dev.relaykit.telegram.tdlib.TdClient#builder}; every client of the process shares TDLib's one
 * receive loop, and each gets its events in order on its own dispatcher.
 *
 * <pre>{@code
 * TdJson td = NativeTdJson.load();
 * try (TdClient client = TdClient.builder(td).apiId(12345).apiHash("0123456789abcdef0123456789abcdef")
 *         .databaseDirectory(Path.of("tdlib")).botToken(Secret.of(System.getenv("BOT_TOKEN"))).build()) {
 *     client.awaitAuthorization(AuthorizationState.Ready.class, Duration.ofSeconds(30));
 *     System.out.println(client.chats().me().username());
 * }
 * }</pre>
 */
package dev.relaykit.telegram.tdlib;
