package org.law12348.telephony.internal.web;

import org.law12348.telephony.TelephonyProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese names of the Asterisk queues: each IVR menu queue is named after the business type it
 * serves (legal-consultation → 法律咨询), in the menu's key order; a queue outside the menu keeps its
 * name behind 队列.
 */
@Component
class QueueNames {

    record QueueName(String queue, String name) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();

    QueueNames(TelephonyProperties properties) {
        properties.ivr().menu().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> names.putIfAbsent(e.getValue().queue(), e.getValue().businessType().chineseName()));
    }

    String nameOf(String queue) {
        return queue == null ? null : names.getOrDefault(queue, "队列 " + queue);
    }

    /** The menu's queues in key order. */
    List<QueueName> menuQueues() {
        return names.entrySet().stream().map(e -> new QueueName(e.getKey(), e.getValue())).toList();
    }

    /** A queue's place in the menu, for sorting; queues outside it come last. */
    int order(String queue) {
        int i = 0;
        for (String known : names.keySet()) {
            if (known.equals(queue)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }
}
