package com.assetcollections.webhooks;

import com.assetcollections.webhooks.ConcurrentWriter.Written;
import com.assetcollections.webhooks.Deliveries.Heard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Matches what a subscriber heard against the writes it should have heard of. */
final class ReceivedOnce {

    private ReceivedOnce() {}

    /**
     * Each written event heard exactly once (by its data when the write showed it, else by name and
     * resource), and nothing else heard: the problems, empty when there are none.
     */
    static List<String> unmatched(List<Written> expected, List<Heard> heard) {
        List<Heard> left = new ArrayList<>(heard);
        List<String> problems = new ArrayList<>();
        for (Written written : expected) {
            if (written.data() != null && !left.remove(new Heard(written.event(), written.id(), written.data()))) {
                problems.add("missing " + written);
            }
        }
        for (Written written : expected) {
            if (written.data() == null && !removeFirst(left, written)) {
                problems.add("missing " + written);
            }
        }
        left.forEach(h -> problems.add("not written, or heard twice: " + h));
        return problems;
    }

    /**
     * Events of one resource heard out of the order of its writes: each must carry a later
     * {@code updated_at} (for a tombstone, {@code deleted_at}) than the one heard before it.
     */
    static List<String> outOfOrder(List<Heard> heard) {
        Map<String, Instant> last = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Heard event : heard) {
            String resource = event.event().substring(0, event.event().indexOf('.')) + " " + event.id();
            String at = event.data().has("updated_at")
                    ? event.data().get("updated_at").asString()
                    : event.data().get("deleted_at").asString();
            Instant time = Instant.parse(at);
            Instant before = last.put(resource, time);
            if (before != null && !time.isAfter(before)) {
                problems.add(resource + ": " + event + " after an event at " + before);
            }
        }
        return problems;
    }

    private static boolean removeFirst(List<Heard> left, Written written) {
        for (Iterator<Heard> it = left.iterator(); it.hasNext(); ) {
            Heard heard = it.next();
            if (heard.event().equals(written.event()) && heard.id() == written.id()) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
