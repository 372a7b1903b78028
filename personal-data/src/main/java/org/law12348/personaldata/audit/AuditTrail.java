package org.law12348.personaldata.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The product's audit trail (GB/T 22239 level 3 "security audit"; PIPL's record of processing): who
 * read which citizen's personal data, or changed what, when, and from which client address and user
 * agent (taken from the current HTTP request, empty for scheduled jobs).
 *
 * <p>Contract: the trail only appends; nothing in the product updates or deletes a row (on PostgreSQL
 * a trigger refuses it too). A write that fails throws, so the caller's read or change fails with it —
 * there is no unaudited access to personal data.
 * <ul>
 *   <li>{@link #read} commits on its own before the caller hands data out: call it after loading and
 *       before answering, outside the read's (read-only) transaction. A read that then fails anyway
 *       stays recorded, which errs on the safe side.</li>
 *   <li>{@link #change} joins the transaction of the change, so both commit or neither does.</li>
 * </ul>
 */
@Component
public class AuditTrail {

    /** The actor name of the product acting on its own (scheduled jobs, the IVR). */
    public static final String SYSTEM_ACTOR = "system";
    /** The actor name of a citizen, who has no account (a tracking token, a mini-program session). */
    public static final String CITIZEN_ACTOR = "citizen";
    public static final String SYSTEM_ROLE = "SYSTEM";
    public static final String CITIZEN_ROLE = "CITIZEN";
    /** The fields a staff view of one ticket shows, as recorded for {@link AuditAction#TICKET_VIEWED}. */
    public static final String TICKET_DETAIL_FIELDS = "联系人姓名、电话、问题正文、时间线（含内部备注）";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code staff} read personal data about {@code subject}; {@code detail} says which. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(AuditActor staff, AuditAction action, AuditSubject subject, String detail) {
        requireKind(action, true);
        append(staff.username(), staff.auditRole(), action, subject, detail);
    }

    /** A read by a signed-in actor known by name; the role comes from the request's authentication. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String actor, AuditAction action, AuditSubject subject, String detail) {
        requireKind(action, true);
        append(actor, roleOf(actor), action, subject, detail);
    }

    /** Records a change by a staff member, in the change's transaction. */
    @Transactional
    public void change(AuditActor staff, AuditAction action, AuditSubject subject, String detail) {
        requireKind(action, false);
        append(staff.username(), staff.auditRole(), action, subject, detail);
    }

    /**
     * Records a change by an actor known only by name (an administrator signed in to this request,
     * the retention job as {@code system}, a citizen as {@code citizen}); the role comes from the
     * request's authentication when it is that actor's.
     */
    @Transactional
    public void change(String actor, AuditAction action, AuditSubject subject, String detail) {
        requireKind(action, false);
        append(actor, roleOf(actor), action, subject, detail);
    }

    /** Records a change by a part of the system acting on its own (the IVR), in the change's transaction. */
    @Transactional
    public void changeBySystem(String actor, AuditAction action, AuditSubject subject, String detail) {
        requireKind(action, false);
        append(actor, SYSTEM_ROLE, action, subject, detail);
    }

    /** A read by someone who is not staff (a citizen with a tracking token), committed on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void readByCitizen(AuditAction action, AuditSubject subject, String detail) {
        requireKind(action, true);
        append(CITIZEN_ACTOR, CITIZEN_ROLE, action, subject, detail);
    }

    private void append(String actor, String role, AuditAction action, AuditSubject subject, String detail) {
        HttpServletRequest request = currentRequest();
        try {
            insert(actor, role, action, subject, detail, request);
        } catch (DataAccessException e) {
            throw new AuditUnavailableException(action, e);
        }
    }

    private void insert(String actor, String role, AuditAction action, AuditSubject subject, String detail,
                        HttpServletRequest request) {
        jdbc.update("""
                        insert into audit_entry (occurred_at, actor, actor_role, action, ticket_number, call_id,
                            citizen, detail, client_address, user_agent) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), cut(actor, 64), cut(role, 16), action.name(),
                cut(subject.ticketNumber(), 24), cut(subject.callId(), 64), cut(subject.citizen(), 64),
                cut(detail, 1000), request == null ? null : cut(request.getRemoteAddr(), 64),
                request == null ? null : cut(request.getHeader("User-Agent"), 255));
    }

    private static void requireKind(AuditAction action, boolean read) {
        if (action.isRead() != read) {
            throw new IllegalArgumentException(action + (read ? " is not a read" : " is not a change"));
        }
    }

    private static String roleOf(String actor) {
        if (SYSTEM_ACTOR.equals(actor)) {
            return SYSTEM_ROLE;
        }
        if (CITIZEN_ACTOR.equals(actor)) {
            return CITIZEN_ROLE;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && actor.equals(auth.getName())) {
            for (GrantedAuthority authority : auth.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    return name.substring(5);
                }
            }
        }
        return "UNKNOWN";
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** Keeps a value within its column and free of control characters (no forged lines in exports). */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
