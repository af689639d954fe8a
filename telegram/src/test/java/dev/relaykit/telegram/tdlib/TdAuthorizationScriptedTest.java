package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization flows that need Telegram's servers (code, password, registration, e-mail, QR, bot
 * token), run against {@link ScriptedTdJson}: a SCRIPTED JSON-level fake of td_send/td_receive, not
 * the real TDLib. The state objects are td_api.tl's (TDLib 1.8.67). The real library's offline part
 * of the flow is TdClientNativeTest's.
 */
class TdAuthorizationScriptedTest {
    private final ScriptedTdJson td = new ScriptedTdJson();
    private TdClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private TdClient.Builder builder() {
        return TdClient.builder(td).apiId(1).apiHash("h").closeTimeout(Duration.ofSeconds(10));
    }

    @Test
    void aUserAnswersPhoneCodeAndPasswordAndIsReady() {
        td.on("setAuthenticationPhoneNumber", (c, r) -> {
            td.answer(c, r, "{\"@type\":\"ok\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateWaitCode\",\"code_info\":{\"@type\":\"authenticationCodeInfo\","
                    + "\"phone_number\":\"+15550001111\",\"type\":{\"@type\":\"authenticationCodeTypeSms\",\"length\":5},"
                    + "\"next_type\":{\"@type\":\"authenticationCodeTypeCall\",\"length\":5},\"timeout\":60}}");
        });
        td.on("checkAuthenticationCode", (c, r) -> {
            td.answer(c, r, "{\"@type\":\"ok\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateWaitPassword\",\"password_hint\":\"the cat\","
                    + "\"has_recovery_email_address\":true,\"has_passport_data\":false,"
                    + "\"recovery_email_address_pattern\":\"a***@e***.com\"}");
        });
        td.on("checkAuthenticationPassword", (c, r) -> {
            td.answer(c, r, "{\"@type\":\"ok\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateReady\"}");
        });
        List<AuthorizationState> seen = new CopyOnWriteArrayList<>();
        client = builder().listener(new TdListener() {
            @Override
            public void onAuthorizationState(TdClient c, AuthorizationState s) {
                seen.add(s);
                if (s instanceof AuthorizationState.WaitPhoneNumber) {
                    c.setPhoneNumber("+15550001111");
                } else if (s instanceof AuthorizationState.WaitCode) {
                    c.checkCode("12345");
                } else if (s instanceof AuthorizationState.WaitPassword) {
                    c.checkPassword(Secret.of("hunter2"));
                }
            }
        }).build();
        client.awaitAuthorization(AuthorizationState.Ready.class, Duration.ofSeconds(10));

        assertThat(seen).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                "WaitTdlibParameters", "WaitPhoneNumber", "WaitCode", "WaitPassword", "Ready");
        AuthorizationState.WaitCode code = (AuthorizationState.WaitCode) seen.get(2);
        assertThat(code.phoneNumber()).isEqualTo("+15550001111");
        assertThat(code.type().kind()).isEqualTo("Sms");
        assertThat(code.type().length()).isEqualTo(5);
        assertThat(code.nextType().kind()).isEqualTo("Call");
        assertThat(code.timeoutSeconds()).isEqualTo(60);
        AuthorizationState.WaitPassword pw = (AuthorizationState.WaitPassword) seen.get(3);
        assertThat(pw.hint()).isEqualTo("the cat");
        assertThat(pw.hasRecoveryEmailAddress()).isTrue();
        assertThat(pw.recoveryEmailAddressPattern()).isEqualTo("a***@e***.com");

        assertThat(td.last("setTdlibParameters").path("api_id").asInt()).isEqualTo(1);
        assertThat(td.last("setAuthenticationPhoneNumber").path("phone_number").asText()).isEqualTo("+15550001111");
        assertThat(td.last("checkAuthenticationCode").path("code").asText()).isEqualTo("12345");
        assertThat(td.last("checkAuthenticationPassword").path("password").asText()).isEqualTo("hunter2");
    }

    @Test
    void aWrongCodeFailsWithTdlibsCodeAndMessage() {
        td.on("checkAuthenticationCode", (c, r) -> td.error(c, r, 400, "PHONE_CODE_INVALID"));
        client = builder().build();
        client.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.checkCode("00000").join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(TdException.class, e -> {
                    assertThat(e.tdCode()).isEqualTo(400);
                    assertThat(e.serviceMessage()).isEqualTo("PHONE_CODE_INVALID");
                    assertThat(e.getMessage()).contains("checkAuthenticationCode");
                });
    }

    @Test
    void aBotBuiltWithATokenLogsInByItself() {
        td.on("checkAuthenticationBotToken", (c, r) -> {
            td.answer(c, r, "{\"@type\":\"ok\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateReady\"}");
        });
        client = builder().botToken(Secret.of("123456:ABC-DEF")).build();
        client.awaitAuthorization(AuthorizationState.Ready.class, Duration.ofSeconds(10));
        assertThat(td.last("checkAuthenticationBotToken").path("token").asText()).isEqualTo("123456:ABC-DEF");
        assertThat(client.toString()).doesNotContain("ABC-DEF");
    }

    @Test
    void registrationEmailAndQrStatesCarryTheirFields() {
        client = builder().build();
        client.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
        int id = client.clientId();
        td.pushState(id, "{\"@type\":\"authorizationStateWaitRegistration\",\"terms_of_service\":{\"@type\":\"termsOfService\","
                + "\"text\":{\"@type\":\"formattedText\",\"text\":\"Be nice.\",\"entities\":[]},\"min_user_age\":0,\"show_popup\":true}}");
        assertThat(client.awaitAuthorization(AuthorizationState.WaitRegistration.class, Duration.ofSeconds(10))
                .termsOfServiceText()).isEqualTo("Be nice.");
        td.pushState(id, "{\"@type\":\"authorizationStateWaitEmailAddress\",\"allow_apple_id\":true,\"allow_google_id\":false}");
        AuthorizationState.WaitEmailAddress email = client.awaitAuthorization(
                AuthorizationState.WaitEmailAddress.class, Duration.ofSeconds(10));
        assertThat(email.allowAppleId()).isTrue();
        assertThat(email.allowGoogleId()).isFalse();
        td.pushState(id, "{\"@type\":\"authorizationStateWaitEmailCode\",\"allow_apple_id\":false,\"allow_google_id\":false,"
                + "\"code_info\":{\"@type\":\"emailAddressAuthenticationCodeInfo\",\"email_address_pattern\":\"j***@g***.com\","
                + "\"length\":6},\"email_address_reset_state\":null}");
        AuthorizationState.WaitEmailCode ec = client.awaitAuthorization(
                AuthorizationState.WaitEmailCode.class, Duration.ofSeconds(10));
        assertThat(ec.emailAddressPattern()).isEqualTo("j***@g***.com");
        assertThat(ec.codeLength()).isEqualTo(6);
        td.pushState(id, "{\"@type\":\"authorizationStateWaitOtherDeviceConfirmation\",\"link\":\"tg://login?token=abc\"}");
        assertThat(client.awaitAuthorization(AuthorizationState.WaitOtherDeviceConfirmation.class,
                Duration.ofSeconds(10)).link()).isEqualTo("tg://login?token=abc");
        td.pushState(id, "{\"@type\":\"authorizationStateWaitPremiumPurchase\",\"store_product_id\":\"x\"}");
        assertThat(client.awaitAuthorization(AuthorizationState.Other.class, Duration.ofSeconds(10)).type())
                .isEqualTo("authorizationStateWaitPremiumPurchase");
    }

    @Test
    void answersGoOutInTheDocumentedShapes() {
        td.on("checkAuthenticationEmailCode", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        td.on("requestQrCodeAuthentication", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        td.on("registerUser", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        td.on("setAuthenticationEmailAddress", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        client = builder().build();
        client.checkEmailCode("123456").join();
        client.requestQrCode().join();
        client.registerUser("Ada", "Lovelace").join();
        client.setEmailAddress("ada@example.com").join();
        assertThat(td.last("checkAuthenticationEmailCode").path("code").path("@type").asText())
                .isEqualTo("emailAddressAuthenticationCode");
        assertThat(td.last("checkAuthenticationEmailCode").path("code").path("code").asText()).isEqualTo("123456");
        assertThat(td.last("requestQrCodeAuthentication").path("other_user_ids").isArray()).isTrue();
        assertThat(td.last("registerUser").path("first_name").asText()).isEqualTo("Ada");
        assertThat(td.last("setAuthenticationEmailAddress").path("email_address").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void logOutGoesThroughLoggingOutToClosed() {
        td.on("logOut", (c, r) -> {
            td.answer(c, r, "{\"@type\":\"ok\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateLoggingOut\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateClosing\"}");
            td.pushState(c, "{\"@type\":\"authorizationStateClosed\"}");
        });
        client = builder().build();
        client.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
        client.logOut().join();
        client.closedFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(client.authorizationState()).isInstanceOf(AuthorizationState.Closed.class);
        int before = td.sent.size();
        client.close();
        assertThat(td.sent).as("close after Closed sends nothing").hasSize(before);
    }
}
