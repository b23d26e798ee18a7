package dev.pricefeed.benchmarks.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The soak's faults in time order, drawn from a seeded random source so a run can be repeated: a drop of a random
 * exchange every {@code dropMin..dropMax}, a hung peer every {@code hungEvery} (the exchanges in turn), and
 * slow-listener phases.
 */
final class FaultPlan {

    /** What happens. */
    enum Kind { DROP, HUNG, SLOW_START, SLOW_END }

    /**
     * One planned fault.
     *
     * @param at time since the start
     * @param kind what happens
     * @param exchange the exchange hit, or null for listener phases
     */
    record Fault(Duration at, Kind kind, String exchange) {
    }

    private FaultPlan() {
    }

    /** The plan for a run of the settings over the exchanges. */
    static List<Fault> of(SoakSettings settings, List<String> exchanges) {
        Random random = new Random(settings.seed());
        List<Fault> faults = new ArrayList<>();
        long end = settings.duration().toMillis();
        long span = settings.dropMax().toMillis() - settings.dropMin().toMillis();
        for (long t = settings.dropMin().toMillis() + (long) (random.nextDouble() * span); t < end;
                t += settings.dropMin().toMillis() + (long) (random.nextDouble() * span)) {
            faults.add(new Fault(Duration.ofMillis(t), Kind.DROP, exchanges.get(random.nextInt(exchanges.size()))));
        }
        int turn = random.nextInt(exchanges.size());
        for (long t = settings.hungEvery().toMillis(); t < end; t += settings.hungEvery().toMillis()) {
            faults.add(new Fault(Duration.ofMillis(t), Kind.HUNG, exchanges.get(turn++ % exchanges.size())));
        }
        // slow phases sit between hung peers: they start half a period in
        for (long t = settings.slowEvery().toMillis() / 2; t < end; t += settings.slowEvery().toMillis()) {
            faults.add(new Fault(Duration.ofMillis(t), Kind.SLOW_START, null));
            faults.add(new Fault(Duration.ofMillis(Math.min(end, t + settings.slowFor().toMillis())), Kind.SLOW_END,
                    null));
        }
        faults.sort(Comparator.comparing(Fault::at));
        return List.copyOf(faults);
    }
}
