package dev.relaykit.samples.javadoc;

import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.MarketData;
import dev.relaykit.binance.futures.CoinmFutures;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.binance.futures.model.BatchOrderResult;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.userdata.FuturesUserDataEvent;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.pusher.crypto.PusherSigner;
import dev.relaykit.pusher.server.PusherServerClient;
import dev.relaykit.whatsapp.WhatsAppClient;
import dev.relaykit.whatsapp.webhook.WebhookHandler;

/**
 * What the javadoc examples take as given: the few things a reader already has when they read an
 * example in the middle of their own code (their keys, a built client). Every compiled example
 * extends this class; a test that runs an example sets the fields it uses first.
 */
public abstract class SnippetGivens {
    /** A Binance API key and its HMAC secret, as the user keeps them. */
    protected String apiKey;
    protected String secretKey;
    /** A secret (an API secret, a token) already wrapped. */
    protected Secret secret;
    /** A built Binance client, and the parts examples start from. */
    protected BinanceSpot binance;
    protected MarketData market;
    protected MarketStreams streams;
    /** Built Binance futures clients, and a batch answer. */
    protected UsdmFutures usdm;
    protected CoinmFutures coinm;
    protected java.util.List<BatchOrderResult> results;
    /** A built USD-M futures client, its market streams, and a user data event a listener received. */
    protected UsdmFutures futures;
    protected FuturesMarketStreams futuresStreams;
    protected FuturesUserDataEvent event;
    /** A built WhatsApp client. */
    protected WhatsAppClient client;
    /** A built WhatsApp webhook handler. */
    protected WebhookHandler handler;
    /** A built Pusher server-side client, a socket id from a client's auth request, and an incoming webhook request. */
    protected PusherServerClient pusher;
    protected String socketId;
    protected WebhookRequest request;
    /** Pusher crypto: an app key and signer, a channel, secretbox key/nonce/message/box, an encryption master key,
     * a channel's shared secret and an encrypted payload received. */
    protected String appKey;
    protected PusherSigner signer;
    protected String channel;
    protected byte[] key;
    protected byte[] nonce;
    protected byte[] message;
    protected byte[] box;
    protected byte[] masterKey;
    protected byte[] sharedSecret;
    protected EncryptedChannels.Payload payload;
    /** A webhook as a servlet receives it (the request, its signature header and exact body bytes), a base64
     * encryption master key from configuration. */
    protected jakarta.servlet.http.HttpServletRequest req;
    protected String signature;
    protected byte[] body;
    protected String masterKeyBase64;
    /** A built Telegram Bot API client, a chat id the bot writes to, and an update it received. */
    protected dev.relaykit.telegram.bot.TelegramBot bot;
    /** A Kafka publisher, a shared-feed consumer, and a record read back from Kafka (module kafka). */
    protected dev.relaykit.kafka.KafkaEventPublisher kafka;
    protected dev.relaykit.kafka.KafkaMarketFeed feed;
    protected org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record;
    protected long chatId;
    protected dev.relaykit.telegram.bot.Update update;
    /** The testkit's fake Bot API a test started. */
    protected dev.relaykit.testkit.telegram.FakeTelegramBotApi telegram;
    /** A webhook sender pointed at the bot's webhook. */
    protected dev.relaykit.testkit.telegram.TelegramWebhookSender sender;
}
