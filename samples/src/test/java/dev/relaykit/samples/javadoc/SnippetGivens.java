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
    /** A built Telegram Bot API client, a chat id the bot writes to, and an update it received. */
    protected dev.relaykit.telegram.bot.TelegramBot bot;
    protected long chatId;
    protected dev.relaykit.telegram.bot.Update update;
}
