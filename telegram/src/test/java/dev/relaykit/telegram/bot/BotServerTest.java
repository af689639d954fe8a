package dev.relaykit.telegram.bot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a fresh {@link BotServer} (a fake api.telegram.org and a client pointed at it) per test method. */
abstract class BotServerTest {
    BotServer t;

    @BeforeEach
    void startBotServer() throws Exception {
        t = new BotServer();
    }

    @AfterEach
    void stopBotServer() throws Exception {
        t.close();
    }
}
