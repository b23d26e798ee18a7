package dev.pricefeed.testkit.runtime;

import java.util.List;

/** The live threads a feed may own: the runtime's ({@code pricefeed-*}) and the JDK HTTP client's. */
final class RuntimeThreads {

    private RuntimeThreads() {
    }

    /** Names of the live threads the runtime or its HTTP client started, sorted. */
    static List<String> live() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("pricefeed-") || name.startsWith("HttpClient-"))
                .sorted()
                .toList();
    }
}
