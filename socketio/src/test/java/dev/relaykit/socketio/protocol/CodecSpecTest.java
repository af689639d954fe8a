package dev.relaykit.socketio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.relaykit.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packets taken from the Engine.IO and Socket.IO protocol specifications. */
class CodecSpecTest {
    private final EngineIoCodec v3 = EngineIoCodec.v3();
    private final EngineIoCodec v4 = EngineIoCodec.v4();

    @Test
    void engineIoV4Packets() {
        // engine.io-protocol v4 README, "Encoding > Packet": open, ping, message
        EnginePacket open = v4.decodeText("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
                + "\"pingInterval\":25000,\"pingTimeout\":5000,\"maxPayload\":1000000}");
        assertThat(open.type()).isEqualTo(EnginePacket.Type.OPEN);
        assertThat(Json.tree(open.text()).get("pingInterval").asInt()).isEqualTo(25000);
        assertThat(v4.decodeText("2probe")).isEqualTo(EnginePacket.text(EnginePacket.Type.PING, "probe"));
        assertThat(v4.decodeText("4hello")).isEqualTo(EnginePacket.message("hello"));
        assertThat(v4.encodeText(EnginePacket.text(EnginePacket.Type.PONG, "probe"))).isEqualTo("3probe");
        // v4: a binary WebSocket frame is the message bytes alone
        assertThat(v4.decodeBinary(new byte[] {1, 2, 3})).isEqualTo(EnginePacket.message(new byte[] {1, 2, 3}));
        assertThat(v4.encodeBinary(EnginePacket.message(new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
    }

    @Test
    void engineIoV4PayloadUsesRecordSeparatorAndBase64() {
        // engine.io-protocol v4 README, "Encoding > Payload": "4hello\x1e4€\x1ebAQIDBA=="
        List<EnginePacket> p = v4.decodePayload("4hello\u001e4€\u001ebAQIDBA==");
        assertThat(p).containsExactly(EnginePacket.message("hello"), EnginePacket.message("€"),
                EnginePacket.message(new byte[] {1, 2, 3, 4}));
        assertThat(v4.encodePayload(p)).isEqualTo("4hello\u001e4€\u001ebAQIDBA==");
    }

    @Test
    void engineIoV3PayloadIsLengthPrefixed() {
        // engine.io-protocol v3 README, "Encoding > Payload": "6:4hello2:4€" (lengths in characters) and
        // binary as base64 "b4..." in a text payload
        List<EnginePacket> p = v3.decodePayload("6:4hello2:4€10:b4AQIDBA==");
        assertThat(p).containsExactly(EnginePacket.message("hello"), EnginePacket.message("€"),
                EnginePacket.message(new byte[] {1, 2, 3, 4}));
        assertThat(v3.encodePayload(p)).isEqualTo("6:4hello2:4€10:b4AQIDBA==");
        // v3 WebSocket binary frame: type byte 4 first
        assertThat(v3.encodeBinary(EnginePacket.message(new byte[] {9}))).containsExactly(4, 9);
        assertThat(v3.decodeBinary(new byte[] {4, 9})).isEqualTo(EnginePacket.message(new byte[] {9}));
    }

    @Test
    void engineIoV3BinaryPayloadRoundTrips() {
        // engine.io-protocol v3 README, "Payload": <0|1><length digits as bytes><0xFF><data>
        byte[] payload = {0, 6, (byte) 0xFF, '4', 'h', 'e', 'l', 'l', 'o', 1, 5, (byte) 0xFF, 4, 0, 1, 2, 3};
        List<EnginePacket> p = v3.decodeBinaryPayload(payload);
        assertThat(p).containsExactly(EnginePacket.message("hello"), EnginePacket.message(new byte[] {0, 1, 2, 3}));
        assertThat(v3.encodeBinaryPayload(p)).containsExactly(payload);
    }

    @Test
    void malformedEnginePacketsNameTheProblem() {
        assertThatThrownBy(() -> v4.decodeText("")).isInstanceOf(ProtocolException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> v4.decodeText("9x")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown Engine.IO packet type '9'");
        assertThatThrownBy(() -> v3.decodePayload("99:4hi")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> v3.decodePayload("x:4hi")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> v4.decodePayload("4a\u001eb!!")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> v3.decodeBinary(new byte[] {2, 1})).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("only MESSAGE");
    }

    @Test
    void socketIoV5PacketsFromTheSpec() {
        // socket.io-protocol v5 README, "Packet encoding" examples
        SocketIoCodec c = SocketIoCodec.of(5);
        SocketIoCodec.Decoder d = c.decoder();
        assertThat(d.decodeText("0")).isEqualTo(new SocketPacket(SocketPacket.Type.CONNECT, "/", null, null));
        SocketPacket connected = d.decodeText("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}");
        assertThat(connected.namespace()).isEqualTo("/admin");
        assertThat(connected.data().get("sid").asText()).isEqualTo("oSO0OpakMV_3jnilAAAA");
        assertThat(d.decodeText("4{\"message\":\"Not authorized\"}").data().get("message").asText())
                .isEqualTo("Not authorized");
        SocketPacket ev = d.decodeText("2/admin,13[\"foo\"]");
        assertThat(ev).isEqualTo(new SocketPacket(SocketPacket.Type.EVENT, "/admin", 13L, Json.tree("[\"foo\"]")));
        assertThat(c.encode(ev)).containsExactly("2/admin,13[\"foo\"]");
        assertThat(c.encode(new SocketPacket(SocketPacket.Type.ACK, "/", 12L, Json.tree("[]")))).containsExactly("312[]");
        assertThat(c.encode(new SocketPacket(SocketPacket.Type.CONNECT, "/admin", null, null)))
                .containsExactly("0/admin,");
        assertThat(c.encode(new SocketPacket(SocketPacket.Type.DISCONNECT, "/", null, null))).containsExactly("1");
    }

    @Test
    void binaryAttachmentsAreExtractedAndPutBack() throws Exception {
        // socket.io-protocol v5 README: 52-/admin,["baz",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]
        SocketIoCodec c = SocketIoCodec.of(5);
        ArrayNode args = JsonNodeFactory.instance.arrayNode().add("baz")
                .add(BinaryNode.valueOf(new byte[] {1, 2})).add(BinaryNode.valueOf(new byte[] {3, 4}));
        List<Object> wire = c.encode(new SocketPacket(SocketPacket.Type.EVENT, "/admin", null, args));
        assertThat(wire.get(0)).isEqualTo(
                "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat((byte[]) wire.get(1)).containsExactly(1, 2);
        assertThat((byte[]) wire.get(2)).containsExactly(3, 4);

        // a nested binary in an ack: 461-/admin,1[{"_placeholder":true,"num":0}] + <binary> (sample session)
        SocketIoCodec.Decoder d = c.decoder();
        assertThat(d.decodeText("61-/admin,1[{\"x\":{\"_placeholder\":true,\"num\":0}}]")).isNull();
        assertThat(d.isAwaitingAttachments()).isTrue();
        SocketPacket ack = d.decodeBinary(new byte[] {7, 8});
        assertThat(ack.type()).isEqualTo(SocketPacket.Type.BINARY_ACK);
        assertThat(ack.ackId()).isEqualTo(1L);
        assertThat(ack.data().get(0).get("x").binaryValue()).containsExactly(7, 8);
    }

    @Test
    void revision4ErrorIsAString() throws Exception {
        // socket.io-protocol v4 README: ERROR packet "4"not authorized"" and namespace with query "0/nsp?x=1"
        SocketIoCodec.Decoder d = SocketIoCodec.of(4).decoder();
        assertThat(d.decodeText("4/secure,\"not authorized\"").data().asText()).isEqualTo("not authorized");
        assertThat(SocketIoCodec.of(4).encode(new SocketPacket(SocketPacket.Type.CONNECT, "/secure?token=x", null,
                null))).containsExactly("0/secure?token=x,");
    }

    @Test
    void malformedSocketPacketsNameTheProblem() {
        SocketIoCodec.Decoder d = SocketIoCodec.of(5).decoder();
        assertThatThrownBy(() -> d.decodeText("2[\"a\"")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> d.decodeText("2{}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("array starting with the event name");
        assertThatThrownBy(() -> d.decodeText("50-[\"a\"]")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("announces 0 attachments");
        assertThatThrownBy(() -> d.decodeBinary(new byte[] {1})).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("without a binary packet header");
        assertThat(d.decodeText("51-[\"a\",{\"_placeholder\":true,\"num\":3}]")).isNull();
        assertThatThrownBy(() -> d.decodeBinary(new byte[] {1})).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("does not name one of the 1 attachment");
        assertThatThrownBy(() -> d.decodeText("3[]")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("without an id");
    }

    @Test
    void frames09() {
        // socket.io-spec (0.9) README, "Encoding": event, ack with data, heartbeat, connect to an endpoint
        Frame09 ev = Frame09.decode("5:1+::{\"name\":\"tobi\",\"args\":[\"x\"]}");
        assertThat(ev.type()).isEqualTo(Frame09.Type.EVENT);
        assertThat(ev.id()).isEqualTo("1");
        assertThat(ev.ackWithData()).isTrue();
        assertThat(ev.data()).isEqualTo("{\"name\":\"tobi\",\"args\":[\"x\"]}");
        assertThat(Frame09.decode("6:::4+[\"A\",\"B\"]").data()).isEqualTo("4+[\"A\",\"B\"]");
        assertThat(Frame09.decode("2::")).isEqualTo(new Frame09(Frame09.Type.HEARTBEAT, "", false, "", ""));
        assertThat(Frame09.decode("1::/chat").endpoint()).isEqualTo("/chat");
        assertThat(new Frame09(Frame09.Type.EVENT, "", false, "/chat", "{\"name\":\"a\"}").encode())
                .isEqualTo("5::/chat:{\"name\":\"a\"}");
        assertThat(new Frame09(Frame09.Type.HEARTBEAT, "", false, "", "").encode()).isEqualTo("2::");
        assertThatThrownBy(() -> Frame09.decode("9::")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("type digit 0-8");
        assertThatThrownBy(() -> Frame09.decode("5:x:")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not a number");
        assertThat("€".getBytes(StandardCharsets.UTF_8)).hasSize(3);
    }

    @Test
    void pollingPayloads09() {
        // socket.io 0.9's lib/parser.js encodePayload/decodePayload: one frame as it is, several as
        // \ufffd<length>\ufffd<frame>, the length counted in UTF-16 code units (JavaScript's string length)
        String two = "\ufffd3\ufffd2::\ufffd16\ufffd5:::{\"name\":\"€\"}";
        assertThat(Frame09.decodePayload(two)).containsExactly("2::", "5:::{\"name\":\"€\"}");
        assertThat(Frame09.encodePayload(List.of("2::", "5:::{\"name\":\"€\"}"))).isEqualTo(two);
        assertThat(Frame09.decodePayload("1::")).containsExactly("1::");
        assertThat(Frame09.encodePayload(List.of("1::"))).isEqualTo("1::");
        assertThatThrownBy(() -> Frame09.decodePayload("\ufffd9\ufffd2::")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> Frame09.decodePayload("\ufffdx\ufffd2::")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Frame09.decodePayload("\ufffd3\ufffd2::junk")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("expected");
    }
}
