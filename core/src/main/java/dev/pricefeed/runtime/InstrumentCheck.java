package dev.pricefeed.runtime;

import dev.pricefeed.Instrument;
import dev.pricefeed.UnknownInstrumentException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Checks requested instruments against an exchange's list and suggests close matches for the missing ones. */
final class InstrumentCheck {

    private InstrumentCheck() {
    }

    /** Throws naming every requested instrument the exchange does not list, each with its close matches. */
    static void requireListed(String exchange, Collection<Instrument> requested, Set<Instrument> listed) {
        List<String> problems = new ArrayList<>();
        for (Instrument instrument : requested) {
            if (!listed.contains(instrument)) {
                List<Instrument> close = closeMatches(instrument, listed);
                problems.add(exchange + " does not list " + instrument
                        + (close.isEmpty() ? "" : " (did you mean " + join(close) + "?)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnknownInstrumentException(String.join("; ", problems)
                    + ". Instruments are BASE/QUOTE as the exchange lists them; USD and USDT are different.");
        }
    }

    /** Listed instruments with the same base whose quote is related (USD and USDT), or the same pair reversed. */
    static List<Instrument> closeMatches(Instrument wanted, Set<Instrument> listed) {
        List<Instrument> matches = new ArrayList<>();
        for (Instrument candidate : listed) {
            boolean sameBase = candidate.base().equals(wanted.base());
            boolean relatedQuote = candidate.quote().startsWith(wanted.quote())
                    || wanted.quote().startsWith(candidate.quote());
            boolean reversed = candidate.base().equals(wanted.quote()) && candidate.quote().equals(wanted.base());
            if ((sameBase && relatedQuote) || reversed) {
                matches.add(candidate);
            }
        }
        matches.sort(Comparator.comparingInt((Instrument i) -> Math.abs(i.quote().length() - wanted.quote().length()))
                .thenComparing(Comparator.naturalOrder()));
        return matches.size() > 3 ? matches.subList(0, 3) : matches;
    }

    private static String join(List<Instrument> instruments) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < instruments.size(); i++) {
            if (i > 0) {
                text.append(i == instruments.size() - 1 ? " or " : ", ");
            }
            text.append(instruments.get(i));
        }
        return text.toString();
    }
}
