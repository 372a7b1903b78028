package org.law12348.consultation;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.TextRules;
import org.law12348.attachments.AttachmentProperties;
import org.law12348.attachments.DocumentCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The licence photos and scans a volunteer lawyer uploads on the public sign-up page. They arrive before
 * the account exists, so each is kept unbound under a random id until the registration names it; one the
 * registration never names is deleted after {@link #UNBOUND_FOR} by a retention run.
 */
@Service
public class LicenceDocuments {

    /** A document as listed for its owner and the administrators, without its bytes. */
    public record Document(UUID id, String name, long size, String contentType) {
    }

    /** A document with its bytes, for an administrator to look at. */
    public record Content(Document document, byte[] bytes) {
    }

    public static final int MAX_PER_REGISTRATION = 3;
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    static final Duration UNBOUND_FOR = Duration.ofDays(1);
    private static final int MAX_NAME = 200;

    private final JdbcTemplate jdbc;
    private final DocumentCheck check;
    private final AuditTrail audit;
    private final Clock clock;

    LicenceDocuments(JdbcTemplate jdbc, AttachmentProperties attachments, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.check = new DocumentCheck(attachments, MAX_BYTES);
        this.audit = audit;
        this.clock = clock;
    }

    /** Keeps an uploaded document, unbound; its type is checked by content and images lose their metadata. */
    /** Refuses a file larger than {@link #MAX_BYTES} before it is read. */
    public void requireSize(long size) {
        check.requireSize(size);
    }

    @Transactional
    public Document upload(byte[] bytes, String originalName) {
        DocumentCheck.Checked checked = check.check(bytes, originalName);
        UUID id = UUID.randomUUID();
        String name = displayName(originalName, checked.type().extension());
        jdbc.update("insert into consultant_document (id, username, file_name, content_type, size_bytes, content,"
                        + " uploaded_at) values (?, null, ?, ?, ?, ?, ?)", id, name, checked.type().contentType(),
                checked.content().length, checked.content(), Timestamp.from(clock.instant()));
        return new Document(id, name, checked.content().length, checked.type().contentType());
    }

    /**
     * The ids a registration names, checked before the account is made: at most three, each an unbound
     * document uploaded here. Unknown, already used and malformed ids are told apart from nothing.
     */
    List<UUID> unbound(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_PER_REGISTRATION) {
            throw invalid("最多上传" + MAX_PER_REGISTRATION + "份执业证照片");
        }
        Set<UUID> parsed = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                parsed.add(UUID.fromString(id == null ? "" : id.strip()));
            } catch (IllegalArgumentException e) {
                throw invalid("执业证照片无效或已过期，请重新上传");
            }
        }
        for (UUID id : parsed) {
            Integer free = jdbc.queryForObject("select count(*) from consultant_document where id = ? and username is null",
                    Integer.class, id);
            if (free == null || free == 0) {
                throw invalid("执业证照片无效或已过期，请重新上传");
            }
        }
        return new ArrayList<>(parsed);
    }

    /** Binds checked documents to the new account, in the registration's transaction; a lost race refuses it. */
    void bind(List<UUID> ids, String username) {
        for (UUID id : ids) {
            if (jdbc.update("update consultant_document set username = ? where id = ? and username is null",
                    username, id) != 1) {
                throw invalid("执业证照片无效或已过期，请重新上传");
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Document> of(String username) {
        return jdbc.query("select id, file_name, size_bytes, content_type from consultant_document where username = ?"
                        + " order by uploaded_at, id",
                (rs, n) -> new Document(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4)),
                username);
    }

    /** One of a consultant's documents for an administrator; the read is audited. */
    @Transactional(readOnly = true)
    public Optional<Content> read(String username, UUID id, StaffMember admin) {
        Optional<Content> found = jdbc.query("select file_name, size_bytes, content_type, content from consultant_document"
                        + " where username = ? and id = ?",
                (rs, n) -> new Content(new Document(id, rs.getString(1), rs.getLong(2), rs.getString(3)), rs.getBytes(4)),
                username, id).stream().findFirst();
        found.ifPresent(content -> audit.read(admin, AuditAction.CONSULTANT_DOCUMENT_VIEWED, AuditSubject.none(),
                "咨询师 " + username + " 的执业证照片 " + content.document().name()));
        return found;
    }

    /** Deletes the documents no registration named within a day; returns how many went. */
    @Transactional
    int deleteUnbound() {
        return jdbc.update("delete from consultant_document where username is null and uploaded_at < ?",
                Timestamp.from(clock.instant().minus(UNBOUND_FOR)));
    }

    /** The name shown to administrators: the uploaded name without paths or control characters, else a default. */
    static String displayName(String original, String extension) {
        String name = original == null ? "" : original.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty() || name.length() > MAX_NAME || TextRules.hasControlCharacters(name, false)) {
            return "执业证." + extension;
        }
        return name;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("documentIds", "documentIds.invalid", message);
    }
}
