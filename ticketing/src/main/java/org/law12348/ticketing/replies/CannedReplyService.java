package org.law12348.ticketing.replies;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.UniqueViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canned replies per unit. Whoever answers a unit's tickets reads its replies (its handlers,
 * dispatchers, administrators); its handlers and administrators write them. A handler never reaches
 * another unit's replies, whatever id or unit they send.
 */
@Service
public class CannedReplyService {

    public static final Set<String> VARIABLES = Set.of("citizenName", "ticketNumber", "unitName");
    static final int MAX_TITLE = 40;
    static final int MAX_TEXT = 2000;
    static final int MAX_PER_UNIT = 200;
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Logger log = LoggerFactory.getLogger(CannedReplyService.class);

    private final CannedReplies replies;
    private final HandlingUnits units;
    private final Clock clock;
    private final AuditTrail audit;

    CannedReplyService(CannedReplies replies, HandlingUnits units, Clock clock, AuditTrail audit) {
        this.replies = replies;
        this.units = units;
        this.clock = clock;
        this.audit = audit;
    }

    /** The unit's replies; a handler's own unit when {@code unitCode} is blank. */
    @Transactional(readOnly = true)
    public List<CannedReply> list(String unitCode, StaffMember staff) {
        if (!staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.DISPATCHER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("你的角色不能查看常用回复");
        }
        return replies.ofUnit(unitFor(unitCode, staff));
    }

    @Transactional
    public CannedReply create(String unitCode, String title, String text, StaffMember staff) {
        requireWriter(staff);
        String unit = unitFor(unitCode, staff);
        String t = checkedTitle(title);
        String body = checkedText(text);
        if (replies.countOfUnit(unit) >= MAX_PER_UNIT) {
            throw new InvalidInputException("unitCode", "cannedReply.tooMany", "每个单位最多" + MAX_PER_UNIT + "条常用回复");
        }
        requireFreeTitle(unit, t, -1);
        long id = save(() -> replies.insert(unit, t, body, staff.username(), clock.instant()));
        log.info("Canned reply {} of {} created by {}", id, unit, staff.username());
        audited(staff, "新增", unit, t);
        return replies.find(id).orElseThrow();
    }

    @Transactional
    public CannedReply update(String id, String title, String text, StaffMember staff) {
        CannedReply reply = writable(id, staff);
        String t = checkedTitle(title);
        String body = checkedText(text);
        requireFreeTitle(reply.unitCode(), t, reply.id());
        save(() -> {
            replies.update(reply.id(), t, body, staff.username(), clock.instant());
            return reply.id();
        });
        log.info("Canned reply {} of {} changed by {}", reply.id(), reply.unitCode(), staff.username());
        audited(staff, "修改", reply.unitCode(), reply.title().equals(t) ? t : reply.title() + "（改名为“" + t + "”）");
        return replies.find(reply.id()).orElseThrow();
    }

    @Transactional
    public void delete(String id, StaffMember staff) {
        CannedReply reply = writable(id, staff);
        replies.delete(reply.id());
        log.info("Canned reply {} of {} deleted by {}", reply.id(), reply.unitCode(), staff.username());
        audited(staff, "删除", reply.unitCode(), reply.title());
    }

    /** A change to what staff send citizens is audited like any other change, in the unit's name. */
    private void audited(StaffMember staff, String what, String unitCode, String title) {
        String unitName = units.findById(unitCode).map(HandlingUnit::name).orElse(unitCode);
        audit.change(staff, AuditAction.CANNED_REPLY_CHANGED, AuditSubject.none(),
                what + "常用回复：" + unitName + "“" + title + "”");
    }

    private CannedReply writable(String id, StaffMember staff) {
        requireWriter(staff);
        long key;
        try {
            key = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw new CannedReplyNotFoundException(id);
        }
        CannedReply reply = replies.find(key).orElseThrow(() -> new CannedReplyNotFoundException(id));
        if (staff.role() == StaffRole.UNIT_HANDLER && !reply.unitCode().equals(staff.unitCode())) {
            throw new AccessDeniedException("只能修改本单位的常用回复");
        }
        return reply;
    }

    private static void requireWriter(StaffMember staff) {
        if (!staff.hasRole(StaffRole.UNIT_HANDLER, StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有承办人和管理员可以编辑常用回复");
        }
    }

    private String unitFor(String unitCode, StaffMember staff) {
        String code = unitCode == null ? "" : unitCode.strip();
        if (staff.role() == StaffRole.UNIT_HANDLER) {
            if (!code.isEmpty() && !code.equals(staff.unitCode())) {
                throw new AccessDeniedException("只能使用本单位的常用回复");
            }
            return staff.unitCode();
        }
        if (code.isEmpty()) {
            throw new InvalidInputException("unitCode", "field.required", "请选择承办单位");
        }
        // checked before the query: PostgreSQL refuses a NUL in a parameter with an error, not an empty answer
        if (!UNIT_CODE.matcher(code).matches() || !units.existsById(code)) {
            throw new InvalidInputException("unitCode", "unit.unknown", "承办单位不存在");
        }
        return code;
    }

    private static String checkedTitle(String title) {
        String t = TicketService.checkedText("title", title, MAX_TITLE);
        if (t.contains("\n")) {
            throw new InvalidInputException("title", "field.singleLine", "标题只能有一行");
        }
        return t;
    }

    /** The text, refusing a placeholder the workspace would leave unfilled in front of the citizen. */
    static String checkedText(String text) {
        String body = TicketService.checkedText("text", text, MAX_TEXT);
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                throw new InvalidInputException("text", "cannedReply.unknownVariable", "不认识的变量「" + m.group()
                        + "」，可用的变量：{{citizenName}}（市民姓名）、{{ticketNumber}}（工单编号）、{{unitName}}（承办单位）");
            }
        }
        return body;
    }

    private void requireFreeTitle(String unit, String title, long exceptId) {
        if (replies.titleTaken(unit, title, exceptId)) {
            throw new InvalidInputException("title", "cannedReply.titleTaken", "本单位已有同名的常用回复");
        }
    }

    /** Two people saving the same title at once: the unique index decides, the loser is told like the check. */
    private static long save(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DataAccessException e) {
            if (UniqueViolation.in(e)) {
                throw new InvalidInputException("title", "cannedReply.titleTaken", "本单位已有同名的常用回复");
            }
            throw e;
        }
    }
}
