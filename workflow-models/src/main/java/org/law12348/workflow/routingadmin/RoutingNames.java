package org.law12348.workflow.routingadmin;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.HandlingUnit;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.RegionCode;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.RoutingQueue;
import org.law12348.ticketing.TicketKind;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Says a routing table's codes the way administrators read them: unit codes as unit names, region
 * codes (2, 4 or 6 digits, as the province, city and county columns hold them) as region names, and
 * the enum values of the business type, kind, channel and queue columns in Chinese.
 */
@Component
public class RoutingNames {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Map<String, String> ENUMS = Stream.of(
                    Stream.of(BusinessType.values()).collect(Collectors.toMap(Enum::name, BusinessType::chineseName)),
                    Stream.of(TicketKind.values()).collect(Collectors.toMap(Enum::name, TicketKind::chineseName)),
                    Stream.of(Channel.values()).collect(Collectors.toMap(Enum::name, Channel::chineseName)),
                    Stream.of(RoutingQueue.values()).collect(Collectors.toMap(Enum::name, RoutingQueue::chineseName)))
            .flatMap(m -> m.entrySet().stream())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    private final HandlingUnits units;
    private final Regions regions;

    RoutingNames(HandlingUnits units, Regions regions) {
        this.units = units;
        this.regions = regions;
    }

    /** The unit's name; the code itself when no unit has it (a draft may name one that does not exist). */
    public String unit(String code) {
        return code == null ? null : units.findById(code).map(HandlingUnit::name).orElse(code);
    }

    public String region(RegionCode code) {
        String name = regions.fullName(code);
        return name.isEmpty() ? code.value() : name;
    }

    /** A queue's Chinese name, or the value as written when it is no queue. */
    public String queue(String value) {
        return value == null ? null : ENUMS.getOrDefault(value, value);
    }

    /** A cell of the table with every quoted code replaced by its name; blank means "any". */
    public String cell(String text) {
        if (text == null || text.isBlank()) {
            return "任意";
        }
        Matcher m = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(name(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replaceFirst("^not\\((.*)\\)$", "除$1以外").replace(",", "、");
    }

    private String name(String code) {
        if (ENUMS.containsKey(code)) {
            return ENUMS.get(code);
        }
        if (code.matches("\\d{2}|\\d{4}|\\d{6}")) {
            RegionCode region = new RegionCode((code + "0000").substring(0, 6));
            if (regions.exists(region)) {
                return region(region);
            }
        }
        return unit(code);
    }
}
