package org.law12348.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace shows every code by its Chinese name from {@code consult-portal/frontend/src/names/
 * enum-names.json}. This keeps that file and the back end's enums in step: every value named, no
 * stale ones, and the same name wherever the enum has one ({@code chineseName()}), so a citizen's
 * "已答复" is the dispatcher's too. Adding an enum value fails here until the workspace names it.
 */
class EnumNamesTest {

    private static final Path NAMES = Path.of("..", "consult-portal", "frontend", "src", "names", "enum-names.json");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TicketStatus, org.law12348.ticketing.TicketStatus",
            "Channel, org.law12348.ticketing.Channel",
            "TicketKind, org.law12348.ticketing.TicketKind",
            "RoutingQueue, org.law12348.ticketing.RoutingQueue",
            "DeadlineState, org.law12348.ticketing.DeadlineState",
            "BusinessType, org.law12348.ticketing.BusinessType",
            "TimelineEventType, org.law12348.ticketing.TimelineEventType",
            "UnitType, org.law12348.ticketing.UnitType",
            "StaffRole, org.law12348.ticketing.StaffRole",
            "DashboardPeriod, org.law12348.portal.staff.DashboardPeriod",
            "QualificationType, org.law12348.consultation.QualificationType",
            "LegalCategory, org.law12348.ticketing.LegalCategory",
            "CallOutcome, org.law12348.telephony.CallOutcome",
            "AuditAction, org.law12348.personaldata.audit.AuditAction",
            "CertificationStatus, org.law12348.consultation.CertificationStatus"})
    void workspaceNamesEveryValueAsTheBackEndDoes(String vocabulary, String enumClass) throws Exception {
        JsonNode table = new ObjectMapper().readTree(NAMES.toFile()).path(vocabulary);
        assertThat(table.isObject()).as("%s has no table %s", NAMES, vocabulary).isTrue();
        Map<String, String> workspace = new LinkedHashMap<>();
        table.fields().forEachRemaining(e -> workspace.put(e.getKey(), e.getValue().asText()));

        Class<?> type = Class.forName(enumClass);
        Object[] values = type.getEnumConstants();
        assertThat(workspace.keySet()).as("codes of %s named in %s", enumClass, NAMES)
                .containsExactly(Arrays.stream(values).map(v -> ((Enum<?>) v).name()).toArray(String[]::new));
        Method chineseName = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals("chineseName") && m.getParameterCount() == 0).findFirst().orElse(null);
        for (Object value : values) {
            String name = workspace.get(((Enum<?>) value).name());
            assertThat(name).matches(".*[\\u4e00-\\u9fff].*").doesNotContainPattern("[A-Za-z_]{2,}");
            if (chineseName != null) {
                chineseName.setAccessible(true);
                assertThat(name).as("%s.%s", type.getSimpleName(), value).isEqualTo(chineseName.invoke(value));
            }
        }
    }
}
