package com.assetcollections.ratelimit;

import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.auth.Caller;
import com.assetcollections.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bounds the API requests in flight by what they are expected to cost ({@link RequestWeight}):
 * one user's (anonymous callers: one address's, IPv6 by its /64 as for the rate limit) at most
 * {@code app.rate-limit.concurrent-per-user} units, and heavy requests of everyone together at
 * most {@code app.rate-limit.heavy-units} ({@link InFlightBudgets}). A request that does not fit
 * waits up to {@code app.rate-limit.concurrent-wait} for others to finish, then is answered 429
 * (its caller's own requests were in the way) or 503 (other callers' heavy requests were), with
 * {@code Retry-After}. Every request costs at least one unit and holds at most one pooled
 * connection at a time, so one user can never take more connections than that budget; waiting
 * happens before the handler, holding none.
 */
@Component
public class ConcurrentRequestLimit implements HandlerInterceptor {

    private static final String ADMISSION = ConcurrentRequestLimit.class.getName() + ".admission";
    private static final String RETRY_AFTER_SECONDS = "1";

    private final InFlightBudgets budgets;
    private final ErrorResponses errors;

    public ConcurrentRequestLimit(
            @Value("${app.rate-limit.concurrent-per-user:5}") int perUser,
            @Value("${app.rate-limit.heavy-units:#{null}}") Integer heavyUnits,
            @Value("${app.rate-limit.concurrent-wait:1s}") Duration wait,
            ErrorResponses errors) {
        this.budgets = new InFlightBudgets(
                perUser,
                heavyUnits == null ? defaultHeavyUnits(Runtime.getRuntime().availableProcessors()) : heavyUnits,
                wait);
        this.errors = errors;
    }

    /**
     * Four units (a heaviest request at the default budget) per processor beyond the first, at
     * least four: heavy requests, which run on a virtual thread's carrier without being preempted
     * while they serialise their pages, so leave a processor to the cheap ones.
     */
    static int defaultHeavyUnits(int processors) {
        return 4 * Math.max(1, processors - 1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, InterruptedException {
        Caller caller = (Caller) request.getAttribute(BearerTokenFilter.CALLER);
        if (caller == null || request.getAttribute(ADMISSION) != null) {
            return true;
        }
        RequestWeight weight = RequestWeight.of(request);
        InFlightBudgets.Admission admission = budgets.admit(key(caller, request), weight.units());
        if (admission.admitted()) {
            request.setAttribute(ADMISSION, admission);
            return true;
        }
        if (admission.outcome() == InFlightBudgets.Outcome.CALLER_BUSY) {
            Rejections.count("concurrent");
            errors.write(response, 429, callerBusy(weight), Map.of("Retry-After", RETRY_AFTER_SECONDS));
        } else {
            Rejections.count("heavy");
            errors.write(response, 503, heavyBusy(weight), Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        return false;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        Object admission = request.getAttribute(ADMISSION);
        if (admission != null) {
            request.removeAttribute(ADMISSION);
            budgets.release((InFlightBudgets.Admission) admission);
        }
    }

    /** Whose budget a request counts against: {@code user:5}, or {@code ip:192.0.2.7} without a token. */
    static String key(Caller caller, HttpServletRequest request) {
        return caller.anonymous() ? "ip:" + AddressGroup.of(request.getRemoteAddr()) : "user:" + caller.userId();
    }

    /** The units this limit counts (for tests). */
    InFlightBudgets budgets() {
        return budgets;
    }

    private String callerBusy(RequestWeight weight) {
        return "too many requests at once: one caller's requests in flight may take " + budgets.perCaller()
                + " units, and this one needs " + budgets.callerCost(weight.units()) + " (" + weight.reason()
                + "); it waited " + seconds(budgets.waitLimit()) + " for the others to finish; retry when one has"
                + " finished";
    }

    private String heavyBusy(RequestWeight weight) {
        return "the service is busy with other callers' large requests: this one (" + weight.reason() + ") waited "
                + seconds(budgets.waitLimit()) + " for them to finish; retry shortly, or ask for fewer items"
                + " (per_page, include)";
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
