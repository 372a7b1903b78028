package org.law12348.telephony.internal.web;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.LiveQueues;
import org.law12348.telephony.internal.calls.LiveQueues.LiveQueue;
import org.law12348.telephony.internal.calls.QueueFigures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dispatchers' wallboard: per queue, what AMI says now (callers waiting, the longest wait,
 * agents available / on a call / paused) beside what the call log says about today (answered,
 * abandoned, service level). Without AMI, or while it is down, the live half is empty ({@code null})
 * and the board says so; the call log's half is always there.
 */
@Component
class Wallboard {

    /** Calls answered within this many seconds of joining the queue meet the service level. */
    static final int SERVICE_LEVEL_SECONDS = 20;

    /** PBX state: AMI not configured, configured but not connected, connected. */
    enum Pbx { OFF, DOWN, CONNECTED }

    record Board(Pbx pbx, String pbxName, Instant at, int serviceLevelSeconds, List<QueueCard> queues) {
    }

    /**
     * One queue. {@code serviceLevel} is the share (0–1) of today's answered and abandoned calls that
     * were answered within {@link #SERVICE_LEVEL_SECONDS}, {@code null} before the first such call.
     */
    record QueueCard(String queue, String queueName, Integer waiting, Long longestWaitSeconds, Integer agentsAvailable,
                     Integer agentsOnCall, Integer agentsPaused, Integer agentsOffline, long answeredToday,
                     long abandonedToday, long answeredWithinTarget, Double serviceLevel) {
    }

    private final ObjectProvider<LiveQueues> live;
    private final QueueFigures figures;
    private final QueueNames names;
    private final ZoneId zone;
    private final Clock clock;

    Wallboard(ObjectProvider<LiveQueues> live, QueueFigures figures, QueueNames names, TelephonyProperties properties,
              Clock clock) {
        this.live = live;
        this.figures = figures;
        this.names = names;
        this.zone = properties.hours().zone();
        this.clock = clock;
    }

    Board now() {
        Instant now = clock.instant();
        Optional<LiveQueues> pbx = Optional.ofNullable(live.getIfAvailable());
        Pbx state = pbx.isEmpty() ? Pbx.OFF : pbx.get().connected() ? Pbx.CONNECTED : Pbx.DOWN;
        Map<String, LiveQueue> queues = new LinkedHashMap<>();
        if (state == Pbx.CONNECTED) {
            pbx.get().at(now).forEach(q -> queues.put(q.queue(), q));
        }
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Map<String, QueueFigures.Today> today = figures.since(midnight, SERVICE_LEVEL_SECONDS);
        TreeSet<String> all = new TreeSet<>(Comparator.comparing(names::order).thenComparing(q -> q));
        names.menuQueues().forEach(q -> all.add(q.queue()));
        all.addAll(queues.keySet());
        all.addAll(today.keySet());
        List<QueueCard> cards = all.stream().map(q -> card(q, queues.get(q), today.get(q), state)).toList();
        return new Board(state, switch (state) {
            case OFF -> "未接入电话交换机";
            case DOWN -> "电话交换机未连接";
            case CONNECTED -> "电话交换机已连接";
        }, now, SERVICE_LEVEL_SECONDS, cards);
    }

    private QueueCard card(String queue, LiveQueue now, QueueFigures.Today today, Pbx state) {
        QueueFigures.Today t = today == null ? new QueueFigures.Today(0, 0, 0) : today;
        long counted = t.answered() + t.abandoned();
        Double level = counted == 0 ? null : (double) t.answeredWithinTarget() / counted;
        boolean live = state == Pbx.CONNECTED;
        LiveQueue q = now == null ? new LiveQueue(queue, 0, 0, 0, 0, 0, 0) : now;
        return new QueueCard(queue, names.nameOf(queue),
                live ? q.waiting() : null, live ? q.longestWaitSeconds() : null,
                live ? q.agentsAvailable() : null, live ? q.agentsOnCall() : null,
                live ? q.agentsPaused() : null, live ? q.agentsOffline() : null,
                t.answered(), t.abandoned(), t.answeredWithinTarget(), level);
    }
}
