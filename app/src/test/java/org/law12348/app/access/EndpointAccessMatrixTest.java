package org.law12348.app.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.law12348.consultation.CertificationService;
import org.law12348.consultation.Consultants;
import org.law12348.consultation.ConsultationService;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.IntakeResult;
import org.law12348.ticketing.StaffAccount;
import org.law12348.ticketing.StaffAccounts;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketIntake;
import org.law12348.attachments.AttachmentKind;
import org.law12348.attachments.TicketAttachments;
import org.law12348.ticketing.clocks.LegalClockService;
import org.law12348.ticketing.replies.CannedReplyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP endpoint, called as every kind of caller, against the declared table
 * {@code app/src/test/resources/org/law12348/app/access/access-matrix.psv}.
 *
 * <h2>Adding an endpoint</h2>
 * Add one line to that file: {@code METHOD | /path/{pattern} | ROLES | probe path | body}. The pattern
 * is exactly what Spring maps (this test prints the missing lines, ready to paste, when it finds an
 * endpoint that has none). ROLES are the callers that get through — names from {@link Role}, or ALL,
 * STAFF, NONE. The probe path is needed only when the pattern has variables other than {number}
 * (which becomes a fresh ticket of handler-gz's unit, or a pool question under /consultant paths);
 * the body only where an empty one ({} for JSON) would be refused before the access check.
 *
 * <h2>What counts as denied</h2>
 * 401 or 403; 404 when the path names an existing ticket (hidden from that caller by design);
 * a redirect to /login; and, for the consultant pages' actions, which report a refusal (say, of a
 * consultant outside the question's fields) and the console's, which do the same for a unit handler's reassignment,
 * a redirect to a page showing an error. {other} in a body is the other citizen's ticket (same unit).
 * {claimed} in a probe is a pool question the demo consultant has claimed, {answered} one they have
 * answered. {clock} (with {number}) is a legal clock on that ticket; {attachment} (with {number}) a file its
 * citizen sent. {reply} is a fresh canned reply of handler-gz's unit. A body {@code multipart:file=name.pdf} is sent as a multipart upload of a small PDF in the
 * part {@code file}. Everything else (200, 201, 302 elsewhere, 400, 409, 503 of
 * an unconfigured channel…) means the caller got through. A 500 or a 429 fails the test outright.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:matrix;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=matrix",
        // every role calls the sign-up and its licence photo upload from one address: more than a person would
        "law12348.security.rate-limits.registration.requests=100", "law12348.security.rate-limits.registration.per=PT1H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class EndpointAccessMatrixTest {

    private static final String PASSWORD = "demo12348";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TicketIntake intake;
    @Autowired
    LegalClockService clocks;
    @Autowired
    TicketAttachments attachments;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CertificationService certification;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ConsultationService consultation;
    @Autowired
    Consultants consultants;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CannedReplyService replies;

    private final AccessTable table = AccessTable.load("access-matrix.psv");
    private final Map<Role, Caller> callers = new EnumMap<>(Role.class);
    private String otherCitizenToken;
    private String otherCitizenTicket;

    @BeforeAll
    void callers() {
        accounts.save(new StaffAccount("consultant-new", passwords.encode(PASSWORD), "未认证咨询师",
                StaffRole.CONSULTANT, null));
        accounts.save(new StaffAccount("handler-sz", passwords.encode(PASSWORD), "深圳市法律援助中心承办人",
                StaffRole.UNIT_HANDLER, "GD-4403-LEGAL-AID"));
        signUp("applicant", "LEGAL_CONSULTATION");
        Map<Role, String> users = new EnumMap<>(Map.of(Role.CONSULTANT, "consultant", Role.UNCERTIFIED, "consultant-new",
                Role.HANDLER, "handler-gz", Role.OTHER_HANDLER, "handler-sz", Role.DISPATCHER, "dispatcher",
                Role.ADMIN, "admin"));
        users.putAll(consultantsInEveryState());
        IntakeResult other = ticket("LEGAL_AID");
        otherCitizenToken = other.trackingToken();
        otherCitizenTicket = other.ticketNumber();
        for (Role role : Role.values()) {
            callers.put(role, new Caller(port, users.get(role), PASSWORD));
        }
    }

    /** One consultant in each certification state, all signed up the public way; their usernames by role. */
    private Map<Role, String> consultantsInEveryState() {
        String reason = "资格材料不完整";
        signUp("c-applied", "LEGAL_CONSULTATION");
        signUp("c-rejected", "LEGAL_CONSULTATION");
        certification.reject("c-rejected", reason, "admin");
        signUp("c-suspended", "LEGAL_CONSULTATION");
        certification.approve("c-suspended", LocalDate.now().plusYears(1), "admin");
        certification.suspend("c-suspended", reason, "admin");
        signUp("c-revoked", "LEGAL_CONSULTATION");
        certification.approve("c-revoked", LocalDate.now().plusYears(1), "admin");
        certification.revoke("c-revoked", reason, "admin");
        signUp("c-mediator", "MEDIATION");
        certification.approve("c-mediator", LocalDate.now().plusYears(1), "admin");
        // approval refuses a past day, so the record is aged directly: valid until two days ago
        signUp("c-expired", "LEGAL_CONSULTATION");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> consultants.findById("c-expired")
                .orElseThrow().approve(LocalDate.now().minusDays(2), "admin", Instant.now()));
        return Map.of(Role.APPLIED, "c-applied", Role.REJECTED, "c-rejected", Role.EXPIRED, "c-expired",
                Role.SUSPENDED, "c-suspended", Role.REVOKED, "c-revoked", Role.OTHER_FIELD, "c-mediator");
    }

    private void signUp(String username, String businessType) {
        certification.register(username, PASSWORD, username, new CertificationService.ApplicationForm(
                "GRASSROOTS_LEGAL_WORKER", "GD-2024-" + username, "440100", List.of(businessType),
                List.of("LABOR"), "基层法律服务工作者"));
    }

    @Test
    void everyEndpointHasAnEntryInTheTable() {
        Set<String> discovered = discovered();
        List<String> missing = discovered.stream().filter(key -> !table.entries().containsKey(key))
                .map(key -> key.replaceFirst(" ", " | ") + " | NONE").toList();
        List<String> stale = table.entries().values().stream()
                .filter(e -> !e.outsideMvc() && !discovered.contains(e.key())).map(AccessTable.Entry::key).toList();

        assertThat(missing).as("endpoints without an entry in access-matrix.psv (lines to add, with the right roles)")
                .isEmpty();
        assertThat(stale).as("entries in access-matrix.psv for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsThroughExactlyWhereTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (AccessTable.Entry entry : table.entries().values()) {
            Set<Role> through = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (probe(entry, role, wrong)) {
                    through.add(role);
                }
            }
            if (!through.equals(entry.allowed())) {
                wrong.add(entry.key() + ": declared " + entry.allowed() + ", got through " + through);
            }
        }
        assertThat(wrong).as("endpoints whose access differs from the table").isEmpty();
    }

    /** Calls the entry's endpoint as {@code role}; true when the role got through. */
    private boolean probe(AccessTable.Entry entry, Role role, List<String> wrong) {
        boolean claimed = entry.probe().contains("{claimed}");
        boolean answered = entry.probe().contains("{answered}");
        boolean pool = entry.pattern().startsWith("/consultant") || entry.pattern().startsWith("/api/v1/consultant/")
                || answered;
        boolean namesTicket = claimed || answered || entry.probe().contains("{number}");
        IntakeResult ticket = namesTicket ? ticket(pool ? "LEGAL_CONSULTATION" : "LEGAL_AID") : null;
        if (claimed) {
            consultation.claim(ticket.ticketNumber(), "consultant");
        }
        if (answered) {
            consultation.answer(ticket.ticketNumber(), "consultant",
                    "根据劳动合同法，用人单位应当按时足额支付劳动报酬，您可以向劳动监察部门投诉或申请劳动仲裁。", List.of());
        }
        String clockId = !entry.probe().contains("{clock}") ? "" : String.valueOf(clocks.add(ticket.ticketNumber(),
                "LABOUR_ARBITRATION", "2026-03-14", new StaffMember("admin", StaffRole.ADMIN, null)).clock().id());
        String attachmentId = !entry.probe().contains("{attachment}") ? "" : String.valueOf(attachments.attach(
                ticket.ticketNumber(), AttachmentKind.CITIZEN_FILE, "matrix.pdf",
                new java.io.ByteArrayInputStream(pdf(ticket.ticketNumber())), "citizen").id());
        String replyId = !entry.probe().contains("{reply}") ? "" : String.valueOf(replies.create("GD-4401-LEGAL-AID",
                "探针" + UUID.randomUUID().toString().substring(0, 8), "您好，请携带身份证。",
                new StaffMember("admin", StaffRole.ADMIN, null)).id());
        String path = entry.probe().replace("{reply}", replyId).replace("{attachment}", attachmentId).replace("{clock}", clockId).replace("{number}", namesTicket ? ticket.ticketNumber() : "")
                .replace("{claimed}", namesTicket ? ticket.ticketNumber() : "")
                .replace("{answered}", namesTicket ? ticket.ticketNumber() : "");
        String body = entry.body().replace("{other}", otherCitizenTicket);
        String token = switch (role) {
            case CITIZEN -> ticket == null ? null : ticket.trackingToken();
            case OTHER_CITIZEN -> ticket == null ? null : otherCitizenToken;
            default -> null;
        };
        boolean page = !path.startsWith("/api/") && !path.startsWith("/engine-rest") && !path.startsWith("/actuator");
        String method = entry.method().equals("*") ? "GET" : entry.method();
        boolean write = !method.equals("GET");
        String contentType = !write ? null : page ? "application/x-www-form-urlencoded" : contentTypeOf(entry);
        body = !write ? null : body.isEmpty() && !page ? "{}" : body;
        if (body != null && body.startsWith(MULTIPART)) {
            body = multipart(body.substring(MULTIPART.length()), role);
        }
        Caller caller = callers.get(role);

        HttpResponse<String> answer = caller.call(method, path, contentType, body, token);

        if (answer.statusCode() >= 500 && answer.statusCode() != 503 || answer.statusCode() == 429) {
            wrong.add(role + " " + method + " " + path + " answered " + answer.statusCode() + " " + answer.body());
        }
        return switch (answer.statusCode()) {
            case 401, 403 -> false;
            case 404 -> !namesTicket;
            case 302, 303 -> redirectGotThrough(caller, answer, page && write
                    && (path.startsWith("/consultant/") || path.startsWith("/console/")));
            default -> true;
        };
    }

    private static boolean redirectGotThrough(Caller caller, HttpResponse<String> answer, boolean pageAction) {
        String location = answer.headers().firstValue("Location").orElse("");
        if (location.contains("/login")) {
            return false;
        }
        if (!pageAction) {
            return true;
        }
        HttpResponse<String> next = caller.follow(location);
        return next.statusCode() == 200 && !next.body().contains("id=\"error\"");
    }

    private static String contentTypeOf(AccessTable.Entry entry) {
        if (entry.pattern().endsWith("/import")) {
            return "application/x-ndjson";
        }
        if (entry.body().startsWith(MULTIPART)) {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }
        // an API endpoint taking form fields (the workspace's sign-in) gets its body as a form
        boolean form = !entry.body().isEmpty() && !entry.body().startsWith("{") && !entry.body().startsWith("[");
        return form ? "application/x-www-form-urlencoded" : "application/json";
    }

    private static final String MULTIPART = "multipart:";
    private static final String BOUNDARY = "matrix-boundary-7f3a";

    /** An upload of a small PDF (different per role, so no probe meets another's content) in the named part. */
    private static String multipart(String part, Role role) {
        String[] nameAndFile = part.split("=", 2);
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + nameAndFile[0] + "\"; filename=\""
                + nameAndFile[1] + "\"\r\nContent-Type: application/pdf\r\n\r\n"
                + new String(pdf(role.name()), java.nio.charset.StandardCharsets.US_ASCII) + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private IntakeResult ticket(String businessType) {
        return intake.receive(IntakeRequest.fromWeb(UUID.randomUUID().toString(), businessType, "440106",
                "公司拖欠工资三个月，想咨询如何维权，能否申请法律援助？"));
    }

    /** METHOD pattern of every Spring MVC mapping of the application (controllers, actuator, API docs, errors). */
    private Set<String> discovered() {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> keys.add(AccessTable.Entry.key(method, pattern)));
                }
            }
        }
        return keys;
    }
}
