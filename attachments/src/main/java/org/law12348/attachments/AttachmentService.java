package org.law12348.attachments;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TextRules;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.TicketNotFoundException;
import org.law12348.ticketing.TicketStateException;
import org.law12348.ticketing.TicketStatus;
import org.law12348.ticketing.Tickets;
import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Attachments of tickets for staff, citizens and other modules. Staff reach those of the tickets they may
 * see (the ticket view's rule); the citizen, whose tracking token the caller has checked, those they
 * sent. Every read is audited before the data goes out; every addition and removal is audited and noted
 * on the staff timeline in its own transaction, which holds the ticket's row lock, so the limits and the
 * once-per-content rule hold under concurrent uploads.
 */
@Service
public class AttachmentService implements TicketAttachments {

    private static final int MAX_NAME = 100;

    /** An attachment and its content, for a download. */
    public record Download(Attachment attachment, Resource content) {
    }

    /** Who adds: a staff member, the citizen, or a module's automation. */
    private record Adder(String name, String role, StaffMember staff) {
    }

    private final Tickets tickets;
    private final Attachments attachments;
    private final AttachmentStorage storage;
    private final UploadStaging staging;
    private final StorageRemovals removals;
    private final AttachmentProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;

    AttachmentService(Tickets tickets, Attachments attachments, AttachmentStorage storage, StorageRemovals removals,
                      AttachmentProperties properties, AuditTrail audit, PlatformTransactionManager transactionManager,
                      Clock clock) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.storage = storage;
        this.staging = new UploadStaging(storage, properties);
        this.removals = removals;
        this.properties = properties;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.clock = clock;
    }

    @Override
    public Attachment attach(String ticketNumber, AttachmentKind kind, String fileName, InputStream content, String addedBy) {
        boolean citizen = Ticket.CITIZEN.equals(addedBy);
        Adder adder = new Adder(addedBy, citizen ? AuditTrail.CITIZEN_ROLE : AuditTrail.SYSTEM_ROLE, null);
        return add(ticketNumber, citizen ? AttachmentKind.CITIZEN_FILE : kind, fileName, content, adder, t -> true);
    }

    // ---- staff

    public List<Attachment> forStaff(String number, StaffMember staff) {
        Ticket ticket = visible(number, staff);
        List<Attachment> list = attachments.ofTicket(ticket.id());
        audit.read(staff, AuditAction.ATTACHMENT_VIEWED, subject(ticket), "附件列表：" + list.size() + "个（文件名、大小、添加人）");
        return list;
    }

    public Download downloadForStaff(String number, long attachmentId, StaffMember staff) {
        Ticket ticket = visible(number, staff);
        Download download = download(ticket, attachmentId, a -> true);
        audit.read(staff, AuditAction.ATTACHMENT_VIEWED, subject(ticket), describe(download.attachment()));
        return download;
    }

    /** Staff add a document or a call recording (kind {@code STAFF_DOCUMENT} unless said otherwise). */
    public Attachment addByStaff(String number, String kind, String fileName, InputStream content, StaffMember staff) {
        AttachmentKind parsed = staffKind(kind);
        visible(number, staff); // a ticket the member may not see answers 404 before the upload is read
        return add(number, parsed, fileName, content, new Adder(staff.username(), staff.role().name(), staff),
                staff::canSee);
    }

    /** Removes an attachment for good: its adder, dispatchers and admins may. */
    public void deleteByStaff(String number, long attachmentId, StaffMember staff) {
        transactions.executeWithoutResult(tx -> {
            Ticket ticket = tickets.findForUpdate(number).filter(staff::canSee)
                    .orElseThrow(() -> new TicketNotFoundException(number));
            Attachment attachment = attachments.find(ticket.id(), attachmentId)
                    .orElseThrow(() -> new AttachmentNotFoundException(number, attachmentId));
            if (!staff.hasRole(StaffRole.DISPATCHER, StaffRole.ADMIN) && !staff.username().equals(attachment.addedBy())) {
                throw new AccessDeniedException("只有添加人、调度员和管理员可以删除附件");
            }
            attachments.delete(attachment.id());
            removals.afterCommit(number, attachment.sha256());
            ticket.addNote(staff.username(), "删除附件：" + attachment.fileName(), clock.instant());
            audit.change(staff, AuditAction.ATTACHMENT_DELETED, AuditSubject.ticket(number), describe(attachment));
        });
    }

    // ---- the citizen, whose tracking token the caller has checked

    public List<Attachment> forCitizen(String number) {
        Ticket ticket = existing(number);
        List<Attachment> list = attachments.ofTicket(ticket.id()).stream().filter(Attachment::fromCitizen).toList();
        audit.readByCitizen(AuditAction.ATTACHMENT_VIEWED, AuditSubject.ticket(number), "附件列表：" + list.size() + "个");
        return list;
    }

    public Download downloadForCitizen(String number, long attachmentId) {
        Download download = download(existing(number), attachmentId, Attachment::fromCitizen);
        audit.readByCitizen(AuditAction.ATTACHMENT_VIEWED, AuditSubject.ticket(number), describe(download.attachment()));
        return download;
    }

    /** The citizen adds a file to their ticket while it is open. */
    public Attachment addByCitizen(String number, String fileName, InputStream content) {
        return add(number, AttachmentKind.CITIZEN_FILE, fileName, content,
                new Adder(Ticket.CITIZEN, AuditTrail.CITIZEN_ROLE, null), t -> true);
    }

    // ---- the one way in

    private Attachment add(String number, AttachmentKind kind, String rawName, InputStream content, Adder adder,
                           Predicate<Ticket> mayAdd) {
        String name = cleanName(rawName);
        List<Path> staged = new ArrayList<>(2);
        try {
            UploadStaging.Staged file = staging.stage(content, name, kind, staged);
            String stored = ContentInspector.extensionOf(name).isEmpty() ? name + "." + file.type().extension() : name;
            return transactions.execute(tx -> store(number, kind, stored, file, adder, mayAdd));
        } finally {
            staged.forEach(AttachmentService::deleteQuietly);
        }
    }

    private Attachment store(String number, AttachmentKind kind, String name, UploadStaging.Staged file, Adder adder,
                             Predicate<Ticket> mayAdd) {
        Ticket ticket = tickets.findForUpdate(number).filter(mayAdd).orElseThrow(() -> new TicketNotFoundException(number));
        boolean citizen = AuditTrail.CITIZEN_ROLE.equals(adder.role());
        if (ticket.anonymisedAt() != null || citizen && ticket.status() == TicketStatus.CLOSED) {
            throw new TicketStateException(number, ticket.status(), "添加附件");
        }
        var earlier = attachments.findByContent(ticket.id(), file.sha256());
        if (earlier.isPresent()) {
            return earlier.get(); // a retry, or the same file sent twice: one attachment
        }
        long[] usage = attachments.usage(ticket.id());
        if (usage[0] >= properties.maxPerTicket()) {
            throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_MANY, "file.tooMany",
                    "每个工单最多" + properties.maxPerTicket() + "个附件，已达上限");
        }
        long maxTotal = properties.maxTotalPerTicket().toBytes();
        if (usage[1] + file.size() > maxTotal) {
            throw new AttachmentRefusedException(AttachmentRefusedException.Reason.TOO_LARGE, "file.ticketFull",
                    "每个工单的附件合计不能超过" + UploadStaging.megabytes(maxTotal));
        }
        try {
            storage.put(number, file.sha256(), file.file());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot store an attachment of " + number, e);
        }
        // a failure from here on rolls the row back and leaves a file no row names: the sweep removes it
        long id = attachments.add(ticket.id(), kind, name, file.type(), file.size(), file.sha256(), adder.name(),
                adder.role(), clock.instant());
        ticket.addNote(adder.name(), "添加附件：" + name + "（" + kind.chineseName() + "，" + file.type().chineseName() + "）",
                clock.instant());
        Attachment added = attachments.find(ticket.id(), id).orElseThrow();
        String detail = describe(added);
        if (adder.staff() != null) {
            audit.change(adder.staff(), AuditAction.ATTACHMENT_ADDED, AuditSubject.ticket(number), detail);
        } else if (citizen) {
            audit.change(Ticket.CITIZEN, AuditAction.ATTACHMENT_ADDED, AuditSubject.ticket(number), detail);
        } else {
            audit.changeBySystem(adder.name(), AuditAction.ATTACHMENT_ADDED, AuditSubject.ticket(number), detail);
        }
        return added;
    }

    private Download download(Ticket ticket, long attachmentId, Predicate<Attachment> may) {
        Attachment attachment = attachments.find(ticket.id(), attachmentId).filter(may)
                .orElseThrow(() -> new AttachmentNotFoundException(ticket.number(), attachmentId));
        Resource content = storage.get(ticket.number(), attachment.sha256());
        if (content == null) {
            throw new IllegalStateException("The file of attachment " + attachmentId + " of " + ticket.number() + " is missing");
        }
        return new Download(attachment, content);
    }

    private Ticket visible(String number, StaffMember staff) {
        return reads.execute(tx -> tickets.findByNumber(number).filter(staff::canSee)
                .orElseThrow(() -> new TicketNotFoundException(number)));
    }

    private Ticket existing(String number) {
        return reads.execute(tx -> tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number)));
    }

    private static AuditSubject subject(Ticket ticket) {
        return AuditSubject.ticket(ticket.number()).withCitizen(ticket.contact().phone());
    }

    /** What the audit says of an attachment: never its name, which may itself be personal data. */
    private static String describe(Attachment a) {
        return "附件 #" + a.id() + "（" + a.kind().chineseName() + "，" + a.contentType() + "，" + a.size() + "字节）";
    }

    private static AttachmentKind staffKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return AttachmentKind.STAFF_DOCUMENT;
        }
        return switch (kind.strip()) {
            case "STAFF_DOCUMENT" -> AttachmentKind.STAFF_DOCUMENT;
            case "CALL_RECORDING" -> AttachmentKind.CALL_RECORDING;
            default -> throw new org.law12348.ticketing.InvalidInputException("kind", "kind.unknown",
                    "附件类别应为 STAFF_DOCUMENT（文书）或 CALL_RECORDING（通话录音）");
        };
    }

    /** The last path segment of the name, without control characters, at most 100 characters. */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (TextRules.hasControlCharacters(name, false)) {
            name = "";
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            String ext = ContentInspector.extensionOf(name);
            ext = ext.length() > 10 ? "" : ext;
            int keep = MAX_NAME - ext.length() - 1;
            name = name.substring(0, name.offsetByCodePoints(0, keep)) + (ext.isEmpty() ? "" : "." + ext);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "附件" : name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // a staged leftover: the sweep deletes it once it is older than the grace period
        }
    }
}
