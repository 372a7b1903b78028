package org.law12348.workflow.routingadmin;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.junit.jupiter.api.Test;
import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.TicketKind;

import org.law12348.ticketing.RoutingQuery;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageCasesTest {

    private static final FeelEngine FEEL = feel();
    private static final List<RoutingTable.Column> INPUTS = List.of(column("regionCode"), column("cityCode"),
            column("provinceCode"), column("businessType"), column("kind"), column("channel"));

    /** The FEEL engine a standalone DMN engine evaluates cells with, as {@code RoutingDrafts} builds it. */
    private static FeelEngine feel() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.buildEngine();
        return configuration.getFeelEngine();
    }

    private static RoutingTable.Column column(String name) {
        return new RoutingTable.Column("Input_" + name, name, name);
    }

    private static RoutingTable.Rule rule(String region, String city, String province, String type, String kind,
                                          String channel) {
        return new RoutingTable.Rule("R", "", List.of(region, city, province, type, kind, channel),
                List.of("\"U\"", "\"UNIT\"", "24", "\"R\""));
    }

    private static RoutingTable table(RoutingTable.Rule... rules) {
        return new RoutingTable(INPUTS, List.of(), List.of(rules));
    }

    private static RoutingQuery query(String region, BusinessType type, TicketKind kind, Channel channel) {
        return new RoutingQuery(new RegionCode(region), type, kind, channel);
    }

    @Test
    void aTicketIsTakenWhenEveryCellOfSomeRuleAcceptsItAndAGapOtherwise() {
        CoverageCases cases = CoverageCases.of(table(
                rule("", "\"4401\"", "", "\"LEGAL_CONSULTATION\"", "", "\"WEB\",\"WECHAT\",\"ALIPAY\""),
                rule("\"440115\"", "", "", "not(\"LEGAL_CONSULTATION\",\"LEGAL_AID\")", "\"SERVICE_REQUEST\"", ""),
                rule("", "", "\"44\"", "\"LEGAL_AID\"", "", "")), FEEL).orElseThrow();

        assertThat(cases.gap(query("440106", BusinessType.LEGAL_CONSULTATION, TicketKind.CONSULTATION, Channel.WECHAT)))
                .isEmpty();
        assertThat(cases.gap(query("440106", BusinessType.LEGAL_CONSULTATION, TicketKind.CONSULTATION, Channel.PHONE)))
                .contains(new CoverageCases.Gap(null));
        assertThat(cases.gap(query("440305", BusinessType.LEGAL_AID, TicketKind.SERVICE_REQUEST, Channel.PHONE))).isEmpty();
        assertThat(cases.gap(query("110101", BusinessType.LEGAL_AID, TicketKind.SERVICE_REQUEST, Channel.PHONE)))
                .contains(new CoverageCases.Gap(null));
        BusinessType other = java.util.Arrays.stream(BusinessType.values())
                .filter(t -> t != BusinessType.LEGAL_AID && t != BusinessType.LEGAL_CONSULTATION).findFirst().orElseThrow();
        assertThat(cases.gap(query("440115", other, TicketKind.SERVICE_REQUEST, Channel.WEB))).isEmpty();
        assertThat(cases.gap(query("440115", other, TicketKind.CONSULTATION, Channel.WEB)))
                .contains(new CoverageCases.Gap(null));
    }

    /**
     * The cells' verdicts must say what Camunda's engine says: for the shipped routing table, and for
     * it without its province-wide and fallback rows (so that gaps exist), every ticket in a sample of
     * Guangdong cities, a county with its own rule and a region outside the province.
     */
    @Test
    void theVerdictsAgreeWithTheEngineOnEveryTicketOfTheShippedTable() throws Exception {
        String shipped = new String(getClass().getResourceAsStream("/org/law12348/workflow/ticket-routing.dmn")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String withGaps = shipped.replaceAll("(?s)<rule id=\"R-4400-[A-Z-]+\">.*?</rule>|<rule id=\"R-FALLBACK[A-Z-]*\">.*?</rule>", "");
        assertThat(withGaps).isNotEqualTo(shipped);
        List<String> regions = new java.util.ArrayList<>(List.of("440115", "440105", "110101", "445102", "441900"));
        // a few cities: every city has the same three rows of its own
        for (String city : List.of("01", "03", "09", "13", "20", "53")) {
            regions.add("44" + city + "02");
        }
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        org.camunda.bpm.dmn.engine.DmnEngine engine = configuration.buildEngine();
        int gaps = 0;
        for (String xml : List.of(shipped, withGaps)) {
            org.camunda.bpm.dmn.engine.DmnDecision decision = engine.parseDecision("ticket-routing",
                    new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CoverageCases cases = CoverageCases.of(RoutingTables.read(xml), configuration.getFeelEngine()).orElseThrow();
            for (String region : regions) {
                for (BusinessType type : BusinessType.values()) {
                    for (TicketKind kind : TicketKind.values()) {
                        for (Channel channel : Channel.values()) {
                            RoutingQuery q = query(region, type, kind, channel);
                            boolean unrouted = engine.evaluateDecision(decision, RoutingDrafts.inputs(q))
                                    .getFirstResult() == null;
                            assertThat(cases.gap(q).isPresent()).as(q.toString()).isEqualTo(unrouted);
                            gaps += unrouted ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(gaps).as("the table without its catch-all rows leaves tickets unrouted").isPositive();
    }

    @Test
    void aTableWithAnInputComputedByItsOwnExpressionIsLeftToTheEngine() {
        RoutingTable computed = new RoutingTable(List.of(new RoutingTable.Column("Input_1", "渠道", "channel + kind")),
                List.of(), List.of(new RoutingTable.Rule("R", "", List.of("\"WEBCONSULTATION\""), List.of())));

        assertThat(CoverageCases.of(computed, FEEL)).isEmpty();
    }
}
