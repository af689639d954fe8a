package dev.relaykit.socketio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every decoder, fed random text, random bytes, truncations and single-character mutations of valid packets,
 * either decodes or throws ProtocolException; nothing else escapes.
 */
class ParserFuzzTest {
    private static final String[] VALID = {
        "0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}", "2", "3probe", "4hello",
        "0", "0/admin,{\"sid\":\"x\"}", "2[\"foo\",1,{\"a\":[true,null]}]", "2/admin,13[\"foo\"]", "312[]",
        "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]", "61-/admin,1[{\"_placeholder\":true,\"num\":0}]",
        "4{\"message\":\"Not authorized\"}", "4\"not authorized\"", "6:4hello2:4€10:b4AQIDBA==",
        "4hello\u001e4€\u001ebAQIDBA==", "5:1+::{\"name\":\"tobi\",\"args\":[]}", "6:::4+[\"A\"]", "2::", "1::/chat",
    };
    private static final String ALPHABET = "0123456789:,-+/[]{}\"_\u001eb€abc placeholdernum\\truefalsenull";

    @Test
    void decodersThrowOnlyProtocolException() {
        Random random = new Random(20261122L);
        List<String> inputs = new ArrayList<>();
        for (String v : VALID) {
            for (int cut = 0; cut <= v.length(); cut++) {
                inputs.add(v.substring(0, cut));
            }
            for (int k = 0; k < 400; k++) {
                StringBuilder m = new StringBuilder(v);
                int at = random.nextInt(m.length());
                m.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                inputs.add(m.toString());
            }
        }
        for (int k = 0; k < 15_000; k++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(24);
            for (int j = 0; j < n; j++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            inputs.add(s.toString());
        }
        assertThat(inputs.size()).isGreaterThan(20_000);

        int decoded = 0;
        for (String in : inputs) {
            decoded += attempt(in, EngineIoCodec.v3()::decodeText) + attempt(in, EngineIoCodec.v4()::decodeText)
                    + attempt(in, EngineIoCodec.v3()::decodePayload) + attempt(in, EngineIoCodec.v4()::decodePayload)
                    + attempt(in, Frame09::decode) + attempt(in, Frame09::decodePayload);
            for (int rev = 4; rev <= 5; rev++) {
                SocketIoCodec.Decoder d = SocketIoCodec.of(rev).decoder();
                decoded += attempt(in, d::decodeText);
                decoded += attempt(new byte[] {1, 2}, d::decodeBinary);
            }
        }
        byte[] valid = EngineIoCodec.v3().encodeBinaryPayload(List.of(EnginePacket.message("hello"),
                EnginePacket.message(new byte[] {0, 1, 2, 3})));
        for (int k = 0; k < 20_000; k++) {
            byte[] b;
            if (k < valid.length) {
                b = java.util.Arrays.copyOf(valid, k);
            } else {
                b = valid.clone();
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                if (random.nextBoolean()) {
                    b = new byte[random.nextInt(12)];
                    random.nextBytes(b);
                }
            }
            decoded += attempt(b, EngineIoCodec.v3()::decodeBinaryPayload);
            decoded += attempt(b, EngineIoCodec.v3()::decodeBinary);
        }
        // the mutations leave many inputs valid: the decoders did decode, not only reject
        assertThat(decoded).isGreaterThan(10_000);
    }

    private static <T> int attempt(T input, Consumer<T> decoder) {
        try {
            decoder.accept(input);
            return 1;
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return 0;
        }
    }
}
