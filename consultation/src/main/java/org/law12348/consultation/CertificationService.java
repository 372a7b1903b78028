package org.law12348.consultation;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.InvalidInputException.Violation;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Consultants apply; administrators approve, reject, suspend and revoke. Every step is on the record. */
@Service
public class CertificationService {

    /** An application as typed in a form or sent as JSON; every field is checked here. */
    public record ApplicationForm(String qualification, String licenceNumber, String regionCode,
                                  List<String> businessTypes, List<String> categories, String statement) {
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_-]{2,31}");
    private static final Pattern LICENCE = Pattern.compile("[0-9A-Za-z-]{6,40}");

    private final Consultants consultants;
    private final StaffAccounts accounts;
    private final Regions regions;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LicenceDocuments documents;

    CertificationService(Consultants consultants, StaffAccounts accounts, Regions regions, PasswordEncoder passwords,
                         AuditTrail audit, ApplicationEventPublisher events, Clock clock, LicenceDocuments documents) {
        this.documents = documents;
        this.audit = audit;
        this.events = events;
        this.consultants = consultants;
        this.accounts = accounts;
        this.regions = regions;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * A new volunteer signs up: a consultant account and its first application, in one step. The
     * account grants nothing until an administrator approves the application.
     * <p>
     * Whether a username is taken is the one thing the form must tell that reveals an account, so it
     * is told only for an otherwise valid sign-up (a probe costs a complete application, and one for a
     * free name creates an account an administrator sees), and each such answer is published as
     * {@link UsernameTaken} for the per-address limit on account guessing.
     */
    @Transactional
    public Consultant register(String username, String password, String displayName, ApplicationForm form) {
        return register(username, password, displayName, form, List.of());
    }

    /** A sign-up with the licence photos uploaded beforehand ({@link LicenceDocuments}), bound to the new account. */
    @Transactional
    public Consultant register(String username, String password, String displayName, ApplicationForm form,
                               List<String> documentIds) {
        List<Violation> violations = new ArrayList<>();
        String user = username == null ? "" : username.strip();
        if (!USERNAME.matcher(user).matches()) {
            violations.add(new Violation("username", "username.invalid", "用户名为3-32位小写字母、数字、下划线或短横线，以字母开头"));
        }
        if (password == null || password.length() < 8 || password.length() > 64) {
            violations.add(new Violation("password", "password.weak", "密码长度应为8-64位"));
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 32 || TextRules.hasControlCharacters(name, false)) {
            violations.add(new Violation("displayName", "displayName.invalid", "请填写1-32字的姓名"));
        }
        ConsultantApplication application = null;
        try {
            application = parse(form);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        List<UUID> documentsToBind = List.of();
        try {
            documentsToBind = documents.unbound(documentIds);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (accounts.existsById(user)) {
            events.publishEvent(new UsernameTaken(user));
            throw new InvalidInputException("username", "username.unavailable", "该用户名不可用，请换一个");
        }
        accounts.saveAndFlush(new StaffAccount(user, passwords.encode(password), name, StaffRole.CONSULTANT, null));
        Consultant consultant = consultants.save(new Consultant(user, application, clock.instant()));
        documents.bind(documentsToBind, user);
        return consultant;
    }

    /** A signed-in consultant applies, or applies again with new details. */
    @Transactional
    public Consultant apply(String username, ApplicationForm form) {
        ConsultantApplication application = parse(form);
        Optional<Consultant> existing = consultants.findById(username);
        if (existing.isPresent()) {
            if (existing.get().status() == CertificationStatus.REVOKED) {
                throw new CertificationException("资格已被撤销，不能重新申请，请联系管理员");
            }
            existing.get().apply(application, clock.instant());
            return existing.get();
        }
        return consultants.save(new Consultant(username, application, clock.instant()));
    }

    @Transactional
    public Consultant approve(String username, LocalDate validUntil, String admin) {
        if (validUntil == null || !validUntil.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("validUntil", "validUntil.invalid", "有效期须晚于今天");
        }
        Consultant consultant = find(username);
        consultant.approve(validUntil, admin, clock.instant());
        return recorded(consultant, admin, username + " 批准，有效期至" + validUntil);
    }

    @Transactional
    public Consultant reject(String username, String reason, String admin) {
        String why = reason(reason);
        Consultant consultant = find(username);
        consultant.reject(why, admin, clock.instant());
        return recorded(consultant, admin, username + " 驳回：" + why);
    }

    @Transactional
    public Consultant suspend(String username, String reason, String admin) {
        String why = reason(reason);
        Consultant consultant = find(username);
        consultant.suspend(why, admin, clock.instant());
        return recorded(consultant, admin, username + " 暂停：" + why);
    }

    @Transactional
    public Consultant revoke(String username, String reason, String admin) {
        String why = reason(reason);
        Consultant consultant = find(username);
        consultant.revoke(why, admin, clock.instant());
        return recorded(consultant, admin, username + " 撤销：" + why);
    }

    @Transactional(readOnly = true)
    public Optional<Consultant> of(String username) {
        Optional<Consultant> consultant = consultants.findById(username);
        consultant.ifPresent(c -> c.decisions().size());
        return consultant;
    }

    @Transactional(readOnly = true)
    public List<Consultant> all() {
        List<Consultant> all = consultants.findAllByOrderByAppliedAtDesc();
        all.forEach(c -> c.decisions().size());
        return all;
    }

    private Consultant find(String username) {
        return consultants.findById(username == null ? "" : username)
                .orElseThrow(() -> new InvalidInputException("username", "consultant.unknown", "没有该咨询师的申请"));
    }

    private static String reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.length() < 2 || reason.length() > 500 || TextRules.hasControlCharacters(reason, true)) {
            throw new InvalidInputException("reason", "reason.invalid", "请填写2-500字的理由");
        }
        return reason;
    }

    private ConsultantApplication parse(ApplicationForm form) {
        if (form == null) {
            throw new InvalidInputException("body", "body.missing", "请填写申请信息");
        }
        List<Violation> violations = new ArrayList<>();
        QualificationType qualification = null;
        try {
            qualification = QualificationType.valueOf(form.qualification() == null ? "" : form.qualification().strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("qualification", "qualification.unknown", "请选择资格类型"));
        }
        String licence = form.licenceNumber() == null ? "" : form.licenceNumber().strip();
        if (!LICENCE.matcher(licence).matches()) {
            violations.add(new Violation("licenceNumber", "licence.invalid", "执业证或资格证编号应为6-40位字母、数字或短横线"));
        }
        RegionCode region = null;
        try {
            region = regions.require(form.regionCode() == null ? "" : form.regionCode().strip(), "regionCode");
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        Set<BusinessType> types = enums(BusinessType.class, form.businessTypes(), "businessTypes", violations);
        if (types.isEmpty() && violations.stream().noneMatch(v -> v.field().equals("businessTypes"))) {
            violations.add(new Violation("businessTypes", "field.required", "请至少选择一项业务类型"));
        }
        Set<LegalCategory> categories = enums(LegalCategory.class, form.categories(), "categories", violations);
        String statement = form.statement() == null ? null : form.statement().strip();
        if (statement != null && (statement.length() > 1000 || TextRules.hasControlCharacters(statement, true))) {
            violations.add(new Violation("statement", "field.tooLong", "个人说明不能超过1000字"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ConsultantApplication(qualification, licence, region, types, categories, statement);
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names, String field,
                                                   List<Violation> violations) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                values.add(Enum.valueOf(type, name == null ? "" : name.strip()));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field, field + ".unknown", "不支持的取值"));
                return values;
            }
        }
        return values;
    }

    /** Every certification decision also goes to the audit trail, in the same transaction. */
    private Consultant recorded(Consultant consultant, String admin, String decision) {
        audit.change(admin, AuditAction.CERTIFICATION_DECIDED, AuditSubject.none(), decision);
        return consultant;
    }
}
