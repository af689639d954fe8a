package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.socketio.protocol.SocketIoCodec;
import dev.relaykit.socketio.protocol.SocketPacket;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Emit arguments become the same JSON whichever way they are converted (direct for plain values, Jackson else). */
class ArgumentJsonTest {
    record Trade(String symbol, BigDecimal price) {
    }

    @Test
    void plainValuesConvertLikeJackson() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("s", "BTCUSDT");
        nested.put("n", 42);
        nested.put("l", 1L << 40);
        nested.put("d", 1.5);
        nested.put("b", true);
        nested.put("none", null);
        nested.put("list", Arrays.asList(1, "two", null, List.of(3)));
        nested.put("trade", new Trade("ETHUSDT", new BigDecimal("3012.50")));
        nested.put(null, "null key goes through Jackson's own rules");
        Map<String, Object> withoutNullKey = new LinkedHashMap<>(nested);
        withoutNullKey.remove(null);
        for (Object arg : List.of("text", 7, 7L, false, withoutNullKey, List.of(withoutNullKey, "x"))) {
            assertThat(SocketIoSocket.toNode(arg)).as("%s", arg).isEqualTo(Json.mapper().valueToTree(arg));
        }
        assertThat(SocketIoSocket.toNode(null).isNull()).isTrue();
        assertThat(SocketIoSocket.toNode(Map.of(1, "a")).get("1").asText()).isEqualTo("a");
    }

    @Test
    void binaryAnywhereBecomesAnAttachmentAndPlainDataIsNotCopied() {
        byte[] bytes = {1, 2, 3};
        JsonNode args = Json.mapper().createArrayNode().add("file")
                .add(SocketIoSocket.toNode(Map.of("parts", List.of("a", bytes))));
        assertThat(args.get(1).get("parts").get(1)).isInstanceOf(BinaryNode.class);
        List<Object> out = SocketIoCodec.of(5).encode(new SocketPacket(SocketPacket.Type.EVENT, "/", 1L, args));
        assertThat(out).hasSize(2);
        assertThat((String) out.get(0)).isEqualTo("51-1[\"file\",{\"parts\":[\"a\",{\"_placeholder\":true,\"num\":0}]}]");
        assertThat((byte[]) out.get(1)).containsExactly(1, 2, 3);
        // the caller's tree is left as it was
        assertThat(args.get(1).get("parts").get(1)).isInstanceOf(BinaryNode.class);

        JsonNode plain = Json.mapper().createArrayNode().add("msg").add(SocketIoSocket.toNode(Map.of("a", 1)));
        assertThat(SocketIoCodec.of(5).encode(new SocketPacket(SocketPacket.Type.EVENT, "/chat", null, plain)))
                .containsExactly("2/chat,[\"msg\",{\"a\":1}]");
    }
}
