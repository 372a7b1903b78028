package org.law12348.consultation;

import org.law12348.ticketing.ConsultantCertifications;
import org.law12348.ticketing.ConsultantScope;
import org.law12348.ticketing.TicketingProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Answers the staff directory's questions about certifications from the consultants' records, on
 * the product's calendar: a certification valid until a day holds through that whole day.
 */
@Component
public class ValidCertifications implements ConsultantCertifications {

    private final Consultants consultants;
    private final ConsultationProperties properties;
    private final TicketingProperties ticketing;
    private final Clock clock;

    ValidCertifications(Consultants consultants, ConsultationProperties properties, TicketingProperties ticketing,
                        Clock clock) {
        this.consultants = consultants;
        this.properties = properties;
        this.ticketing = ticketing;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConsultantScope> validToday(String username) {
        return consultants.findById(username)
                .filter(consultant -> consultant.isCertifiedOn(clock.instant(), ticketing.zone()))
                .map(consultant -> consultant.scope(properties.provinceWidePool()));
    }

    @Override
    @Transactional(readOnly = true)
    public String whyNotValid(String username) {
        return consultants.findById(username)
                .map(consultant -> consultant.refusalOn(clock.instant(), ticketing.zone()).orElse("资格有效"))
                .orElse("尚未提交咨询师资格申请");
    }
}
