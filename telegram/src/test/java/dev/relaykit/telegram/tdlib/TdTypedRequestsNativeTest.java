package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every typed request RelayKit builds, checked by the REAL libtdjson's JSON parser (TDLib 1.8.67), offline.
 *
 * <p>A client waiting for the phone number answers a request TDLib could parse with 401 "Unauthorized", and
 * one it could not parse with 400 "Failed to parse JSON object as TDLib request: ..." (an unknown function or
 * class name, a value of the wrong JSON kind). TDLib's parser silently skips fields it does not know, and
 * takes a concrete class whatever its "@type" says, so a well-formed request alone would not catch a misspelt
 * field: each field of each request (at every depth) is therefore also sent with a value of the wrong kind
 * (an object or array replaced by a number, a scalar by an object), and TDLib must refuse that as a parse
 * error, which proves it read the field under that name. What this cannot check: a field RelayKit left out
 * (TDLib takes a default), and the names of concrete classes (TDLib ignores them); those follow td_api.tl.
 */
class TdTypedRequestsNativeTest {

    /** The real library, recording every request the client sends through it. */
    static final class Recording implements TdJson {
        final TdJson real;
        final List<JsonNode> sent = new CopyOnWriteArrayList<>();

        Recording(TdJson real) {
            this.real = real;
        }

        @Override
        public int createClientId() {
            return real.createClientId();
        }

        @Override
        public void send(int clientId, String request) {
            sent.add(Json.tree(request));
            real.send(clientId, request);
        }

        @Override
        public String receive(double timeoutSeconds) {
            return real.receive(timeoutSeconds);
        }

        @Override
        public String execute(String request) {
            return real.execute(request);
        }
    }

    private static TdException failure(Runnable call) {
        try {
            call.run();
        } catch (TdException e) {
            return e;
        } catch (CompletionException e) {
            if (e.getCause() instanceof TdException t) {
                return t;
            }
            throw e;
        }
        throw new AssertionError("the call succeeded before authorization");
    }

    private static boolean parseError(TdException e) {
        return e.tdCode() == 400 && e.serviceMessage().startsWith("Failed to parse JSON object as TDLib request");
    }

    /** Every field path of a request, at every depth, array elements included ("@type" and "@extra" left out). */
    private static void paths(JsonNode n, String at, List<String> out) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(f -> {
                if (!f.startsWith("@")) {
                    out.add(at + "/" + f);
                    paths(n.get(f), at + "/" + f, out);
                }
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(at + "/" + i);
                paths(n.get(i), at + "/" + i, out);
            }
        }
    }

    /** The request with the value at this path replaced by one of the wrong JSON kind. */
    private static ObjectNode mutate(JsonNode request, String path) {
        ObjectNode copy = request.deepCopy();
        copy.remove("@extra");
        int cut = path.lastIndexOf('/');
        JsonNode parent = copy.at(path.substring(0, cut));
        String last = path.substring(cut + 1);
        JsonNode old = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
        JsonNode wrong = old.isContainerNode() ? IntNode.valueOf(7) : Json.mapper().createObjectNode();
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), wrong);
        } else {
            ((ObjectNode) parent).set(last, wrong);
        }
        return copy;
    }

    @Test
    @Timeout(120)
    void everyTypedRequestIsParsedFieldByFieldByTheRealTdlib(@TempDir Path dir) {
        Recording td = new Recording(RealTdLib.load());
        try (TdClient c = TdClient.builder(td).apiId(94575).apiHash("a3406de8d171bb422bb6ddf3bbd800e2")
                .databaseDirectory(dir).databases(false, false, false).build()) {
            c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(30));

            // the distinction this test rests on, shown on the real library first
            assertThat(failure(() -> c.send(TdClient.function("getChat").put("chat_id", 5))).tdCode()).isEqualTo(401);
            assertThat(parseError(failure(() -> c.send(TdClient.function("getChat").put("chat_id", "five"))))).isTrue();
            assertThat(parseError(failure(() -> c.send(TdClient.function("getChatz").put("chat_id", 5))))).isTrue();
            assertThat(failure(() -> c.send(mutate(TdClient.function("getChat").put("chat_idz", 5), "/chat_idz")))
                    .tdCode()).as("a field TDLib does not know is skipped: the mutation shows it").isEqualTo(401);

            TdMessages m = c.messages();
            TdGroups g = c.groups();
            FormattedText caption = FormattedText.plain("caption");
            Map<String, Runnable> calls = new LinkedHashMap<>();
            calls.put("text with an inline keyboard", () -> m.send(5, TdMessages.text(FormattedText.plain("Deploy?")),
                    ReplyMarkup.inlineKeyboard(List.of(List.of(ReplyMarkup.callback("Yes", "deploy:yes"),
                            ReplyMarkup.url("Log", "https://example.com/log"))))));
            calls.put("text with a reply keyboard", () -> m.send(5, TdMessages.text(FormattedText.plain("Share?")),
                    ReplyMarkup.keyboard(List.of(List.of(ReplyMarkup.requestPhone("Phone"),
                            ReplyMarkup.requestLocation("Location")), List.of(ReplyMarkup.text("Cancel"))), true, true)));
            calls.put("remove keyboard", () -> m.send(5, TdMessages.text(FormattedText.plain("bye")),
                    ReplyMarkup.removeKeyboard()));
            calls.put("video", () -> m.sendVideo(5, InputFile.local(Path.of("/tmp/demo.mp4")), caption));
            calls.put("audio", () -> m.sendAudio(5, InputFile.remote("https://example.com/track.mp3"), caption));
            calls.put("document", () -> m.sendDocument(5, InputFile.local(Path.of("/tmp/report.pdf")), caption));
            calls.put("photo", () -> m.sendPhoto(5, InputFile.id(42), caption));
            calls.put("invoice", () -> m.send(5, TdMessages.invoice("Pro", "One month", "XTR",
                    List.of(new TdMessages.Price("Pro, 1 month", 250)), "order-1".getBytes(StandardCharsets.UTF_8),
                    Secret.of("")), null));
            calls.put("answer callback query", () -> m.answerCallbackQuery(1234567890123L, "Saved", true, "", 5).join());
            calls.put("sponsored", () -> m.sponsored(5));
            calls.put("view sponsored", () -> m.viewSponsored(5, 1));
            calls.put("click sponsored", () -> m.clickSponsored(5, 1, true));
            List<TdGroups.Filter> filters = List.of(TdGroups.Filter.recent(), TdGroups.Filter.contacts("ada"),
                    TdGroups.Filter.administrators(), TdGroups.Filter.search("ada"), TdGroups.Filter.restricted("ada"),
                    TdGroups.Filter.banned("ada"), TdGroups.Filter.mention("ada"), TdGroups.Filter.bots());
            for (TdGroups.Filter f : filters) {
                calls.put("members " + f, () -> g.members(8, f, 0, 50));
            }
            calls.put("basic group", () -> g.basicGroup(7));
            calls.put("basic group info", () -> g.basicGroupInfo(7));
            calls.put("supergroup", () -> g.supergroup(8));
            calls.put("supergroup info", () -> g.supergroupInfo(8));
            calls.put("check invite link", () -> g.checkInviteLink("https://t.me/+AbCdEf123"));
            calls.put("join by invite link", () -> g.joinByInviteLink("https://t.me/+AbCdEf123"));
            calls.put("create private", () -> c.chats().createPrivate(9));
            calls.put("create secret", () -> c.chats().createSecret(9));
            calls.put("create basic group", () -> g.createBasicGroup("Crew", List.of(9L, 10L)));
            calls.put("create supergroup", () -> g.createSupergroup("News", "about", true, false));
            calls.put("add member", () -> g.addMember(-100, 9, 10));
            calls.put("add members", () -> g.addMembers(-100, List.of(9L, 10L)));

            List<String> problems = new ArrayList<>();
            int checked = 0;
            for (Map.Entry<String, Runnable> call : calls.entrySet()) {
                int before = td.sent.size();
                TdException e = failure(call.getValue());
                if (e.tdCode() != 401) {
                    problems.add(call.getKey() + ": TDLib refused the request itself: " + e.getMessage());
                    continue;
                }
                JsonNode request = td.sent.get(before);
                List<String> paths = new ArrayList<>();
                paths(request, "", paths);
                for (String p : paths) {
                    TdException x = failure(() -> c.send(mutate(request, p)));
                    checked++;
                    if (!parseError(x)) {
                        problems.add(call.getKey() + ": TDLib did not read " + request.path("@type").asText() + p
                                + " (a wrong value there got " + x.tdCode() + " " + x.serviceMessage() + ")");
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(checked).as("fields checked").isGreaterThan(150);
            System.out.println(calls.size() + " typed requests and " + checked + " fields accepted by the real TDLib "
                    + TdExecute.version(td));
        }
    }
}
