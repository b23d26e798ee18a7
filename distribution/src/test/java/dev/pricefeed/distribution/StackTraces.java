package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that output a user sees holds no Java stack trace. */
final class StackTraces {

    private StackTraces() {
    }

    /** Fails when the text has a stack frame line, a "Caused by" or an uncaught-exception report. */
    static void assertNone(String text) {
        assertThat(text).as("no stack trace in:%n%s", text)
                .doesNotContain("\tat ", "Caused by:", "Exception in thread", "\n\t... ");
    }
}
