package com.assetcollections.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Units of requests in flight, per caller and — for heavy requests, those weighing more than one
 * unit — for all callers together. A request that does not fit waits, parked (on a virtual
 * thread it costs no carrier), first in first out per caller and among heavy requests, at most
 * {@code wait} in all; then it is refused. Nothing here touches the database, so a waiting
 * request holds no connection.
 *
 * <p>A request takes {@code min(weight, perCaller - 1)} of its caller's units (all of them when
 * {@code perCaller} is 2 or less): more than half, so one caller's heavy requests run one at a
 * time, and one unit is left, so a cheap request of the same caller still runs beside the
 * heaviest. A heavy request also takes {@code min(weight, heavy)} of the shared heavy units.
 */
final class InFlightBudgets {

    enum Outcome {
        ADMITTED,
        /** The caller's own requests in flight left no room within the wait. */
        CALLER_BUSY,
        /** Other callers' heavy requests left no room within the wait. */
        HEAVY_BUSY
    }

    /** What {@link #admit} decided; an admitted request must be {@link #release}d once, a refused one not. */
    record Admission(Outcome outcome, String caller, int callerUnits, int heavyUnits) {

        boolean admitted() {
            return outcome == Outcome.ADMITTED;
        }
    }

    /** One caller's units and how many of its requests hold or wait for some (guarded by the map's key lock). */
    private static final class CallerUnits {
        final Semaphore units;
        int requests;

        CallerUnits(int units) {
            this.units = new Semaphore(units, true);
        }
    }

    private final int perCaller;
    private final int heavy;
    private final long waitNanos;
    private final Semaphore heavyUnits;
    /** Callers with requests in flight or waiting; a caller with none has no entry. */
    private final Map<String, CallerUnits> callers = new ConcurrentHashMap<>();

    InFlightBudgets(int perCaller, int heavy, Duration wait) {
        if (perCaller < 1 || heavy < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("units per caller (" + perCaller + ") and heavy units (" + heavy
                    + ") must be at least 1, the wait (" + wait + ") not negative");
        }
        this.perCaller = perCaller;
        this.heavy = heavy;
        this.waitNanos = wait.toNanos();
        this.heavyUnits = new Semaphore(heavy, true);
    }

    int perCaller() {
        return perCaller;
    }

    Duration waitLimit() {
        return Duration.ofNanos(waitNanos);
    }

    /** The caller's units a request of {@code weight} takes. */
    int callerCost(int weight) {
        return Math.min(weight, perCaller <= 2 ? perCaller : perCaller - 1);
    }

    /** Waits until a request of {@code weight} fits, or refuses it after the wait. */
    Admission admit(String caller, int weight) throws InterruptedException {
        long deadline = System.nanoTime() + waitNanos;
        int callerCost = callerCost(weight);
        int heavyCost = weight > 1 ? Math.min(weight, heavy) : 0;
        CallerUnits own = join(caller);
        boolean ownTaken = false;
        boolean admitted = false;
        try {
            // tryAcquire with a timeout keeps the queue's order even when it need not wait (the one without barges)
            if (!own.units.tryAcquire(callerCost, waitNanos, TimeUnit.NANOSECONDS)) {
                return new Admission(Outcome.CALLER_BUSY, caller, 0, 0);
            }
            ownTaken = true;
            if (heavyCost > 0
                    && !heavyUnits.tryAcquire(heavyCost, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return new Admission(Outcome.HEAVY_BUSY, caller, 0, 0);
            }
            admitted = true;
            return new Admission(Outcome.ADMITTED, caller, callerCost, heavyCost);
        } finally {
            if (!admitted) {
                if (ownTaken) {
                    own.units.release(callerCost);
                }
                leave(caller);
            }
        }
    }

    /** Gives back the units of a request {@link #admit} admitted. */
    void release(Admission admission) {
        if (!admission.admitted()) {
            throw new IllegalArgumentException("a refused request holds no units: " + admission);
        }
        heavyUnits.release(admission.heavyUnits());
        callers.get(admission.caller()).units.release(admission.callerUnits());
        leave(admission.caller());
    }

    /** Units of {@code caller}'s requests in flight now (for tests and metrics). */
    int inFlight(String caller) {
        CallerUnits own = callers.get(caller);
        return own == null ? 0 : perCaller - own.units.availablePermits();
    }

    /** Requests of {@code caller} waiting now (for tests and metrics). */
    int waiting(String caller) {
        CallerUnits own = callers.get(caller);
        return own == null ? 0 : own.units.getQueueLength();
    }

    /** Heavy units in flight now, all callers together. */
    int heavyInFlight() {
        return heavy - heavyUnits.availablePermits();
    }

    /** Callers with requests in flight or waiting now. */
    int callers() {
        return callers.size();
    }

    /** Heavy requests waiting for heavy units now, all callers together. */
    int heavyWaiting() {
        return heavyUnits.getQueueLength();
    }

    private CallerUnits join(String caller) {
        return callers.compute(caller, (key, own) -> {
            CallerUnits joined = own == null ? new CallerUnits(perCaller) : own;
            joined.requests++;
            return joined;
        });
    }

    private void leave(String caller) {
        callers.computeIfPresent(caller, (key, own) -> --own.requests == 0 ? null : own);
    }
}
