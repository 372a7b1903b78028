package org.law12348.app;

import org.law12348.consultation.Consultant;
import org.law12348.consultation.ConsultantApplication;
import org.law12348.consultation.Consultants;
import org.law12348.consultation.QualificationType;
import org.law12348.telephony.DeskAssignments;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/**
 * The demo staff accounts of the embedded default (password {@code demo12348}). Created once, only
 * when {@code law12348.demo.accounts} is on: the postgres profile leaves it off unless asked.
 */
@Component
@ConditionalOnProperty(name = "law12348.demo.accounts", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo12348";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String DUTY_LAWYER = "duty-lawyer";
    /** The duty lawyer's desk phone (telephony/asterisk/pjsip.conf) on every queue of queues.conf. */
    private static final String DUTY_DESK = "PJSIP/1001";
    private static final List<String> HOTLINE_QUEUES = List.of("legal-consultation", "legal-aid", "notarization",
            "mediation", "complaint");

    private record Demo(String username, String displayName, StaffRole role, String unit) {
    }

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "系统管理员", StaffRole.ADMIN, null),
            new Demo("dispatcher", "省中心调度员", StaffRole.DISPATCHER, null),
            new Demo("handler-gz", "广州市法律援助中心承办人", StaffRole.UNIT_HANDLER, "GD-4401-LEGAL-AID"),
            new Demo("consultant", "志愿律师（劳动、婚姻家庭）", StaffRole.CONSULTANT, null),
            // a dispatcher sees every caller's history (numbers masked) and may write call summaries
            new Demo(DUTY_LAWYER, "热线值班律师", StaffRole.DISPATCHER, null));

    private final StaffAccounts accounts;
    private final Consultants consultants;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final DeskAssignments desks;

    DemoData(StaffAccounts accounts, Consultants consultants, PasswordEncoder passwords, Clock clock,
             DeskAssignments desks) {
        this.desks = desks;
        this.accounts = accounts;
        this.consultants = consultants;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Demo demo : ACCOUNTS) {
            if (!accounts.existsById(demo.username())) {
                accounts.save(new StaffAccount(demo.username(), passwords.encode(PASSWORD), demo.displayName(),
                        demo.role(), demo.unit()));
                log.info("Created demo staff account {} ({})", demo.username(), demo.role());
            }
        }
        if (!consultants.existsById("consultant")) {
            certifyDemoConsultant();
        }
        if (desks.assignIfAbsent(DUTY_LAWYER, DUTY_DESK, HOTLINE_QUEUES)) {
            log.info("Gave the demo duty lawyer the desk {}", DUTY_DESK);
        }
    }

    /** The demo consultant: a practising lawyer answering labour and family questions province-wide. */
    private void certifyDemoConsultant() {
        Instant now = clock.instant();
        Consultant consultant = new Consultant("consultant", new ConsultantApplication(
                QualificationType.PRACTISING_LAWYER, "14401201810123456", new RegionCode("440000"),
                EnumSet.of(BusinessType.LEGAL_CONSULTATION, BusinessType.LEGAL_AID),
                EnumSet.of(LegalCategory.LABOR, LegalCategory.MARRIAGE_FAMILY),
                "执业十年，擅长劳动争议和婚姻家庭纠纷。"), now);
        consultant.approve(LocalDate.ofInstant(now, ZoneOffset.UTC).plusYears(1), "admin", now);
        consultants.save(consultant);
    }
}
