package org.law12348.ticketing;

import java.util.Optional;

/**
 * The port through which staff access asks about a consultant's certification. Every staff
 * decision about a consultant rests on it: a consultant account alone grants nothing.
 */
public interface ConsultantCertifications {

    /**
     * An application without the consultation module certifies nobody: a consultant account there is
     * refused every staff action, as one whose certification lapsed would be.
     */
    ConsultantCertifications NONE = new ConsultantCertifications() {
        @Override
        public Optional<ConsultantScope> validToday(String username) {
            return Optional.empty();
        }

        @Override
        public String whyNotValid(String username) {
            return "本系统未开通志愿律师资格审核";
        }
    };

    /**
     * What the consultant may work on today: present only while their certification is approved
     * and not expired; empty when they applied, were rejected, suspended or revoked, or it expired.
     */
    Optional<ConsultantScope> validToday(String username);

    /** Why the consultant may not work today, in Chinese (e.g. 资格状态为「待审核」), for the refusal. */
    String whyNotValid(String username);
}
