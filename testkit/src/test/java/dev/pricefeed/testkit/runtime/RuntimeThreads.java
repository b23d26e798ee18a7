package dev.pricefeed.testkit.runtime;

import java.util.List;

/**
 * The live threads a feed may own: the runtime's ({@code pricefeed-*}, Tyrus's worker pools included), the JDK HTTP
 * client's and the WebSocket libraries' (Grizzly's selector threads under Tyrus, Tyrus's own timers).
 */
final class RuntimeThreads {

    private RuntimeThreads() {
    }

    /** Names of the live threads the runtime, its HTTP client or its WebSocket library started, sorted. */
    static List<String> live() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("pricefeed-") || name.startsWith("HttpClient-")
                        || name.startsWith("Grizzly") || name.startsWith("tyrus-"))
                .sorted()
                .toList();
    }
}
