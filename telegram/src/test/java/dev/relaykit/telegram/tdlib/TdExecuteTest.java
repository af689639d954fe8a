package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** td_execute through JNA against the REAL libtdjson (TDLib 1.8.67): no client, no network. */
class TdExecuteTest {

    @Test
    void markdownV2BecomesTextAndEntities() {
        NativeTdJson td = RealTdLib.load();
        FormattedText f = TdExecute.parseTextEntities(td, "*bold* _it_ [site](https://example.com)", ParseMode.MARKDOWN_V2);
        assertThat(f.text()).isEqualTo("bold it site");
        assertThat(f.entities()).extracting(FormattedText.TextEntity::type, FormattedText.TextEntity::offset,
                FormattedText.TextEntity::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Bold", 0, 4),
                        org.assertj.core.groups.Tuple.tuple("Italic", 5, 2),
                        org.assertj.core.groups.Tuple.tuple("TextUrl", 8, 4));
        assertThat(f.entities().get(2).url()).isEqualTo("https://example.com/");
    }

    @Test
    void htmlBecomesTextAndEntitiesCountingUtf16() {
        NativeTdJson td = RealTdLib.load();
        FormattedText f = TdExecute.parseTextEntities(td, "\uD83D\uDE00 <b>hi</b> <code>x</code>", ParseMode.HTML);
        assertThat(f.text()).isEqualTo("\uD83D\uDE00 hi x");
        assertThat(f.entities()).extracting(FormattedText.TextEntity::type, FormattedText.TextEntity::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Bold", 3),
                        org.assertj.core.groups.Tuple.tuple("Code", 6));
    }

    @Test
    void invalidMarkupIsATdExceptionWithTdlibsCodeAndMessage() {
        NativeTdJson td = RealTdLib.load();
        assertThatThrownBy(() -> TdExecute.parseTextEntities(td, "*unclosed", ParseMode.MARKDOWN_V2))
                .isInstanceOfSatisfying(TdException.class, e -> {
                    assertThat(e.tdCode()).isEqualTo(400);
                    assertThat(e.serviceMessage()).contains("Can't find end of Bold entity");
                    assertThat(e.getMessage()).contains("parseTextEntities");
                });
    }

    @Test
    void logVerbositySetsAndReadsBack() {
        NativeTdJson td = RealTdLib.load();
        TdExecute.setLogVerbosityLevel(td, 0);
        assertThat(TdExecute.logVerbosityLevel(td)).isZero();
        TdExecute.setLogVerbosityLevel(td, 1);
        assertThat(TdExecute.logVerbosityLevel(td)).isEqualTo(1);
    }

    @Test
    void aFunctionThatCannotRunSynchronouslyIsRefusedByTdlib() {
        NativeTdJson td = RealTdLib.load();
        assertThatThrownBy(() -> TdExecute.execute(td, TdClient.function("getMe")))
                .isInstanceOfSatisfying(TdException.class, e -> assertThat(e.tdCode()).isEqualTo(400));
    }
}
