package org.law12348.telephony.internal.calls;

import jakarta.persistence.criteria.Predicate;
import org.law12348.telephony.CallOutcome;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The call log's search: every filter optional except the period, newest first, one page at a time
 * with the total, so the workspace can page through a busy day.
 */
@Component
public class CallSearch {

    /**
     * What to look for. {@code phoneHash} is the blind index of the caller's number, {@code regionPrefix}
     * the leading digits of a division code (a province's two, a city's four, a county's six),
     * {@code agent} a queue member's name or interface as AMI reported it.
     */
    public record Filter(Instant from, Instant to, String phoneHash, String regionPrefix, String queue, String agent,
                         Set<CallOutcome> outcomes, Boolean hasRecording) {
    }

    private final CallRecords records;

    CallSearch(CallRecords records) {
        this.records = records;
    }

    public Page<CallRecord> find(Filter filter, int page, int size) {
        Sort newestFirst = Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id"));
        return records.findAll(matching(filter), PageRequest.of(page, size, newestFirst));
    }

    static Specification<CallRecord> matching(Filter f) {
        return (call, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(cb.greaterThanOrEqualTo(call.get("startedAt"), f.from()));
            all.add(cb.lessThan(call.get("startedAt"), f.to()));
            if (f.phoneHash() != null) {
                all.add(cb.equal(call.get("callerPhoneHash"), f.phoneHash()));
            }
            if (f.regionPrefix() != null) {
                all.add(cb.like(call.get("regionCode"), f.regionPrefix() + "%"));
            }
            if (f.queue() != null) {
                all.add(cb.equal(call.get("queue"), f.queue()));
            }
            if (f.agent() != null) {
                all.add(cb.equal(call.get("agent"), f.agent()));
            }
            if (f.outcomes() != null && !f.outcomes().isEmpty()) {
                all.add(call.get("outcome").in(f.outcomes()));
            }
            if (f.hasRecording() != null) {
                all.add(f.hasRecording() ? cb.isNotNull(call.get("recordingFile")) : cb.isNull(call.get("recordingFile")));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }
}
