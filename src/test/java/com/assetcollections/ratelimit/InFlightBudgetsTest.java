package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.ratelimit.InFlightBudgets.Admission;
import com.assetcollections.ratelimit.InFlightBudgets.Outcome;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightBudgetsTest {

    private static final int HEAVY = 11;
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LONG_WAIT = Duration.ofSeconds(10);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void cheapRequestsOfOneCallerRunUpToItsUnits() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 100, NO_WAIT);
        for (int i = 0; i < 5; i++) {
            assertThat(budgets.admit("user:1", 1).outcome()).isEqualTo(Outcome.ADMITTED);
        }

        assertThat(budgets.admit("user:1", 1).outcome()).isEqualTo(Outcome.CALLER_BUSY);
        assertThat(budgets.admit("user:2", 1).outcome()).isEqualTo(Outcome.ADMITTED);
        assertThat(budgets.inFlight("user:1")).isEqualTo(5);
    }

    @Test
    void aHeavyRequestTakesAllButOneUnitSoTheCallersSecondHeavyOneWaitsButACheapOneRuns() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 100, NO_WAIT);

        Admission heavy = budgets.admit("user:1", HEAVY);
        Admission secondHeavy = budgets.admit("user:1", HEAVY);
        Admission mediumBeside = budgets.admit("user:1", 2);
        Admission cheap = budgets.admit("user:1", 1);
        Admission otherCallersHeavy = budgets.admit("user:2", HEAVY);

        assertThat(heavy).isEqualTo(new Admission(Outcome.ADMITTED, "user:1", 4, HEAVY));
        assertThat(secondHeavy.outcome()).isEqualTo(Outcome.CALLER_BUSY);
        assertThat(mediumBeside.outcome()).isEqualTo(Outcome.CALLER_BUSY);
        assertThat(cheap.outcome()).isEqualTo(Outcome.ADMITTED);
        assertThat(otherCallersHeavy.outcome()).isEqualTo(Outcome.ADMITTED);
    }

    @Test
    void withTwoUnitsOrFewerAHeavyRequestTakesThemAll() throws Exception {
        assertThat(new InFlightBudgets(2, 100, NO_WAIT).callerCost(HEAVY)).isEqualTo(2);
        assertThat(new InFlightBudgets(1, 100, NO_WAIT).callerCost(HEAVY)).isEqualTo(1);
        assertThat(new InFlightBudgets(3, 100, NO_WAIT).callerCost(HEAVY)).isEqualTo(2);
        assertThat(new InFlightBudgets(3, 100, NO_WAIT).callerCost(1)).isEqualTo(1);
    }

    @Test
    void aRequestThatDoesNotFitWaitsForTheWaitThenIsRefused() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(1, 100, Duration.ofMillis(200));
        budgets.admit("user:1", 1);

        long started = System.nanoTime();
        Admission refused = budgets.admit("user:1", 1);

        assertThat(refused.outcome()).isEqualTo(Outcome.CALLER_BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(budgets.waiting("user:1")).isZero();
        assertThat(budgets.inFlight("user:1")).isEqualTo(1);
    }

    @Test
    void aWaitingRequestIsAdmittedWhenOneOfTheCallersRequestsFinishes() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 100, LONG_WAIT);
        Admission heavy = budgets.admit("user:1", HEAVY);
        budgets.admit("user:1", 1);

        Future<Admission> next = threads.submit(() -> budgets.admit("user:1", HEAVY));
        await(() -> budgets.waiting("user:1"), 1);
        assertThat(next.isDone()).isFalse();
        budgets.release(heavy);

        assertThat(next.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ADMITTED);
    }

    @Test
    void aCallersWaitingRequestsAreAdmittedInTheOrderTheyCame() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(2, 100, LONG_WAIT);
        Admission first = budgets.admit("user:1", 1);

        Future<Admission> heavy = threads.submit(() -> budgets.admit("user:1", HEAVY));
        await(() -> budgets.waiting("user:1"), 1);
        // one unit is free, but the heavy request came first and needs two
        Future<Admission> cheap = threads.submit(() -> budgets.admit("user:1", 1));
        await(() -> budgets.waiting("user:1"), 2);
        budgets.release(first);
        Admission heavyAdmitted = heavy.get(10, TimeUnit.SECONDS);

        assertThat(heavyAdmitted.outcome()).isEqualTo(Outcome.ADMITTED);
        assertThat(cheap.isDone()).isFalse();
        budgets.release(heavyAdmitted);
        assertThat(cheap.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ADMITTED);
    }

    @Test
    void heavyRequestsOfAllCallersShareTheHeavyUnitsWhileCheapOnesDoNotNeedThem() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 4, NO_WAIT);

        Admission first = budgets.admit("user:1", HEAVY);
        Admission otherCallersHeavy = budgets.admit("user:2", HEAVY);
        Admission otherCallersMedium = budgets.admit("user:2", 2);
        Admission otherCallersCheap = budgets.admit("user:2", 1);

        assertThat(first).isEqualTo(new Admission(Outcome.ADMITTED, "user:1", 4, 4));
        assertThat(otherCallersHeavy.outcome()).isEqualTo(Outcome.HEAVY_BUSY);
        assertThat(otherCallersMedium.outcome()).isEqualTo(Outcome.HEAVY_BUSY);
        assertThat(otherCallersCheap.outcome()).isEqualTo(Outcome.ADMITTED);
        assertThat(budgets.inFlight("user:2"))
                .as("a refused request gives its caller's units back")
                .isEqualTo(1);
        budgets.release(first);
        assertThat(budgets.admit("user:2", HEAVY).outcome()).isEqualTo(Outcome.ADMITTED);
    }

    @Test
    void aHeavyRequestWaitsForHeavyUnitsWithinTheSameWait() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 4, LONG_WAIT);
        Admission first = budgets.admit("user:1", HEAVY);

        Future<Admission> second = threads.submit(() -> budgets.admit("user:2", HEAVY));
        await(budgets::heavyWaiting, 1);
        budgets.release(first);

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new Admission(Outcome.ADMITTED, "user:2", 4, 4));
    }

    @Test
    void releasedUnitsAreFreeAgainAndIdleCallersAreForgotten() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 4, NO_WAIT);
        Admission heavy = budgets.admit("user:1", HEAVY);
        Admission cheap = budgets.admit("user:1", 1);
        budgets.admit("user:1", 1);

        budgets.release(heavy);
        budgets.release(cheap);

        assertThat(budgets.inFlight("user:1")).isZero();
        assertThat(budgets.heavyInFlight()).isZero();
        assertThat(budgets.callers()).isZero();
    }

    @Test
    void aRefusedRequestHasNothingToRelease() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(1, 4, NO_WAIT);
        budgets.admit("user:1", 1);
        Admission refused = budgets.admit("user:1", 1);

        assertThatThrownBy(() -> budgets.release(refused))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CALLER_BUSY");
    }

    @Test
    void anInterruptedWaitGivesBackWhatItTook() throws Exception {
        InFlightBudgets budgets = new InFlightBudgets(5, 4, LONG_WAIT);
        Admission first = budgets.admit("user:1", HEAVY);

        Future<Admission> second = threads.submit(() -> budgets.admit("user:2", HEAVY));
        await(budgets::heavyWaiting, 1);
        second.cancel(true);
        await(() -> budgets.inFlight("user:2") == 0 ? 1 : 0, 1);
        budgets.release(first);

        assertThat(budgets.callers()).isZero();
        assertThat(budgets.heavyInFlight()).isZero();
    }

    private static void await(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (count.getAsInt() != expected) {
            assertThat(System.nanoTime()).as("never reached " + expected).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
