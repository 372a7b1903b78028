package org.law12348.consultation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute, claims left unanswered past the claim timeout go back to the pool. */
@Component
class ClaimExpiry {

    private static final Logger log = LoggerFactory.getLogger(ClaimExpiry.class);

    private final ConsultationService consultation;

    ClaimExpiry(ConsultationService consultation) {
        this.consultation = consultation;
    }

    @Scheduled(fixedDelayString = "${law12348.consultation.claim-check-interval:PT1M}")
    void releaseExpiredClaims() {
        try {
            int released = consultation.releaseExpiredClaims();
            if (released > 0) {
                log.info("Returned {} expired claims to the volunteer pool", released);
            }
        } catch (RuntimeException e) {
            log.warn("Releasing expired claims failed; next run retries: {}", e.toString());
        }
    }
}
