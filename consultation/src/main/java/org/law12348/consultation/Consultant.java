package org.law12348.consultation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.ConsultantScope;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.RegionCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A volunteer consultant's certification: what they applied with, what administrators decided
 * (every decision kept with who and when), and whether they may answer a given question today.
 */
@Entity
@Table(name = "consultant")
public class Consultant {

    @Id
    @Column(length = 64)
    private String username;

    /** A wrapper type, so that Spring Data sees a new consultant (assigned id) as new and persists it. */
    @Version
    private Long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private QualificationType qualification;

    @Column(name = "licence_number", nullable = false, length = 64)
    private String licenceNumber;

    @Column(name = "region_code", nullable = false, length = 6)
    private String regionCode;

    @Column(name = "business_types", nullable = false, length = 400)
    private String businessTypes;

    @Column(name = "categories", nullable = false, length = 400)
    private String categories;

    @Column(length = 1000)
    private String statement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CertificationStatus status;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    @OneToMany(mappedBy = "consultant", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<CertificationDecision> decisions = new ArrayList<>();

    protected Consultant() {
    }

    public Consultant(String username, ConsultantApplication application, Instant now) {
        this.username = username;
        this.status = CertificationStatus.APPLIED;
        apply(application, now);
    }

    /** Records a (new) application; a certified consultant who re-applies is reviewed again. */
    public void apply(ConsultantApplication application, Instant now) {
        this.qualification = application.qualification();
        this.licenceNumber = application.licenceNumber();
        this.regionCode = application.region().value();
        this.businessTypes = join(application.businessTypes());
        this.categories = join(application.categories());
        this.statement = application.statement();
        this.appliedAt = now;
        if (status != CertificationStatus.REVOKED) {
            this.status = CertificationStatus.APPLIED;
        }
        decisions.add(new CertificationDecision(this, "APPLIED", username, null, now));
    }

    public void approve(LocalDate until, String admin, Instant now) {
        require(CertificationStatus.APPLIED, CertificationStatus.SUSPENDED, CertificationStatus.CERTIFIED);
        status = CertificationStatus.CERTIFIED;
        validUntil = until;
        decisions.add(new CertificationDecision(this, "APPROVED", admin, "有效期至 " + until, now));
    }

    public void reject(String reason, String admin, Instant now) {
        require(CertificationStatus.APPLIED);
        status = CertificationStatus.REJECTED;
        decisions.add(new CertificationDecision(this, "REJECTED", admin, reason, now));
    }

    public void suspend(String reason, String admin, Instant now) {
        require(CertificationStatus.CERTIFIED);
        status = CertificationStatus.SUSPENDED;
        decisions.add(new CertificationDecision(this, "SUSPENDED", admin, reason, now));
    }

    public void revoke(String reason, String admin, Instant now) {
        require(CertificationStatus.CERTIFIED, CertificationStatus.SUSPENDED, CertificationStatus.APPLIED);
        status = CertificationStatus.REVOKED;
        decisions.add(new CertificationDecision(this, "REVOKED", admin, reason, now));
    }

    /** Certified and not expired on the given day (in the product's time zone). */
    public boolean isCertifiedOn(Instant now, ZoneId zone) {
        return status == CertificationStatus.CERTIFIED && validUntil != null
                && !LocalDate.ofInstant(now, zone).isAfter(validUntil);
    }

    /**
     * Why this consultant may not work on the given day, in Chinese; empty while the certification is
     * approved and not expired.
     */
    public Optional<String> refusalOn(Instant now, ZoneId zone) {
        if (isCertifiedOn(now, zone)) {
            return Optional.empty();
        }
        return Optional.of(status == CertificationStatus.CERTIFIED ? "资格已过期"
                : "资格状态为「" + status.chineseName() + "」");
    }

    /** The fields and region this certification covers (whether it is valid is {@link #isCertifiedOn}'s question). */
    public ConsultantScope scope(boolean provinceWidePool) {
        return new ConsultantScope(region(), businessTypes(), provinceWidePool);
    }

    /** Whether the question's business type is one of this consultant's fields and its region is theirs. */
    public boolean covers(BusinessType type, RegionCode region, boolean provinceWide) {
        return scope(provinceWide).covers(type, region);
    }

    private void require(CertificationStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new CertificationException("当前资格状态为「" + status.chineseName() + "」，不能执行此操作");
        }
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public String username() {
        return username;
    }

    public QualificationType qualification() {
        return qualification;
    }

    public String licenceNumber() {
        return licenceNumber;
    }

    public RegionCode region() {
        return new RegionCode(regionCode);
    }

    public Set<BusinessType> businessTypes() {
        return parse(businessTypes, BusinessType.class);
    }

    public Set<LegalCategory> categories() {
        return parse(categories, LegalCategory.class);
    }

    public String statement() {
        return statement;
    }

    public CertificationStatus status() {
        return status;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public List<CertificationDecision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    private static <E extends Enum<E>> Set<E> parse(String joined, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (joined != null && !joined.isBlank()) {
            for (String name : joined.split(",")) {
                values.add(Enum.valueOf(type, name));
            }
        }
        return values;
    }
}
