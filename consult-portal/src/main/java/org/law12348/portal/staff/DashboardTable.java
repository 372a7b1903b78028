package org.law12348.portal.staff;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.TicketStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * One dashboard table as people read it (labels and formatted figures), the same for the page, the
 * chart and the CSV/Excel exports, so the three never disagree.
 */
record DashboardTable(String title, List<String> header, List<List<String>> rows, List<String> labels,
                      List<Long> received, List<Double> answeredRates) {

    static final List<String> HEADER = List.of("受理量", "已答复", "答复率", "首次响应中位数", "首次响应P90",
            "超24小时转外包", "按时答复率", "满意率");
    static final String NO_DATA = "暂无数据";

    static DashboardTable of(String title, String groupName, List<TicketStatistics.Row> rows, Regions regions) {
        List<String> header = new ArrayList<>();
        header.add(groupName);
        header.addAll(HEADER);
        List<List<String>> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (TicketStatistics.Row row : rows) {
            String label = label(row.key(), regions);
            labels.add(label);
            received.add(row.received());
            rates.add(row.answeredRate() == null ? 0 : Math.round(row.answeredRate() * 1000) / 10.0);
            cells.add(List.of(label, String.valueOf(row.received()), String.valueOf(row.answered()),
                    percent(row.answeredRate()), duration(row.medianResponseSeconds()),
                    duration(row.p90ResponseSeconds()), String.valueOf(row.handedOver()),
                    percent(row.deadlineCompliance()), percent(row.satisfaction())));
        }
        return new DashboardTable(title, header, cells, labels, received, rates);
    }

    static String label(String key, Regions regions) {
        if ("ALL".equals(key)) {
            return "合计";
        }
        for (Channel c : Channel.values()) {
            if (c.name().equals(key)) {
                return c.chineseName();
            }
        }
        for (BusinessType b : BusinessType.values()) {
            if (b.name().equals(key)) {
                return b.chineseName();
            }
        }
        if (key != null && key.length() == 4 && key.chars().allMatch(Character::isDigit)) {
            String city = key + "00";
            return regions.exists(new RegionCode(city)) ? regions.fullName(new RegionCode(city)) : city;
        }
        return String.valueOf(key);
    }

    static String percent(Double rate) {
        return rate == null ? NO_DATA : String.format("%.1f%%", rate * 100);
    }

    static String duration(Double seconds) {
        if (seconds == null) {
            return NO_DATA;
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return (s / 60) + "分钟";
        }
        return String.format("%.1f小时", s / 3600.0);
    }
}
