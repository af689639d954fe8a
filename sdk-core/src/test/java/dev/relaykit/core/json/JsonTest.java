package dev.relaykit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.DecodeException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Fill(String symbol, BigDecimal qty) {
    }

    @Test
    void aParsedTreeDecodesIntoATypeAndAGenericType() {
        JsonNode one = Json.tree("{\"symbol\":\"BTCUSDT\",\"qty\":\"0.015\",\"extra\":1}");
        assertThat(Json.read(one, Fill.class)).isEqualTo(new Fill("BTCUSDT", new BigDecimal("0.015")));

        JsonNode many = Json.tree("[{\"symbol\":\"A\",\"qty\":1},{\"symbol\":\"B\",\"qty\":2.5}]");
        List<Fill> fills = Json.read(many, Json.mapper().getTypeFactory().constructCollectionType(List.class,
                Fill.class));
        assertThat(fills).containsExactly(new Fill("A", new BigDecimal("1")), new Fill("B", new BigDecimal("2.5")));
    }

    @Test
    void aTreeThatDoesNotFitIsADecodeExceptionNamingTheType() {
        JsonNode wrong = Json.tree("{\"symbol\":\"BTCUSDT\",\"qty\":{\"not\":\"a number\"}}");
        assertThatThrownBy(() -> Json.read(wrong, Fill.class)).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("cannot decode Fill: ");
    }

    @Test
    void describeGivesJacksonsMessageAndWhereTheParseFailed() {
        JsonProcessingException e = org.junit.jupiter.api.Assertions.assertThrows(JsonProcessingException.class,
                () -> Json.mapper().readTree("{\"a\":\n  tru}"));
        assertThat(Json.describe(e)).contains("at line 2, column");
    }
}
