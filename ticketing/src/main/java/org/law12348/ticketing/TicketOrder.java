package org.law12348.ticketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The order of the staff ticket list: one column and a direction, ties broken by id in the same
 * direction so keyset paging never skips or repeats a row.
 */
public record TicketOrder(Column column, boolean descending) {

    /** A cursor's value for a ticket that has no value in the column (no legal deadline ahead). */
    static final String NONE = "none";

    /** The default: most urgent first, as the queue has always been ordered. */
    public static final TicketOrder BY_DEADLINE = new TicketOrder(Column.DUE_AT, false);

    /** The sortable columns, by the attribute of {@link Ticket} they read. */
    public enum Column {
        DUE_AT("dueAt"), CREATED_AT("createdAt"), NUMBER("number"), STATUS("status"),
        BUSINESS_TYPE("businessType"), CHANNEL("channel"), REGION("regionCode"), HANDLING_UNIT("handlingUnit"),
        /** The nearest legal deadline still ahead; tickets without one come last in both directions. */
        LEGAL_DEADLINE("legalDeadline");

        private final String attribute;

        Column(String attribute) {
            this.attribute = attribute;
        }

        public String attribute() {
            return attribute;
        }

        boolean isInstant() {
            return this == DUE_AT || this == CREATED_AT;
        }

        /** The column as the API names it: {@code dueAt}, {@code region}, {@code handlingUnit}. */
        public String apiName() {
            return this == REGION ? "region" : attribute;
        }
    }

    public TicketOrder {
        if (column == null) {
            throw new IllegalArgumentException("An order needs a column");
        }
    }

    /**
     * The order an API caller asked for; {@code null} or blank means the default.
     *
     * @throws InvalidInputException naming {@code sort} or {@code direction}
     */
    public static TicketOrder parse(String sort, String direction) {
        Column column = Column.DUE_AT;
        if (sort != null && !sort.isBlank()) {
            column = null;
            for (Column c : Column.values()) {
                if (c.apiName().equals(sort.strip())) {
                    column = c;
                }
            }
            if (column == null) {
                throw new InvalidInputException("sort", "sort.unknown", "不支持按该列排序");
            }
        }
        String d = direction == null ? "" : direction.strip().toLowerCase(Locale.ROOT);
        if (!d.isEmpty() && !d.equals("asc") && !d.equals("desc")) {
            throw new InvalidInputException("direction", "direction.unknown", "排序方向只能是升序或降序");
        }
        return new TicketOrder(column, d.equals("desc"));
    }

    /** The value of this order's column on a ticket, as the cursor carries it. */
    String valueOf(Ticket t) {
        return switch (column) {
            case DUE_AT -> t.dueAt().getEpochSecond() + "." + t.dueAt().getNano();
            case CREATED_AT -> t.createdAt().getEpochSecond() + "." + t.createdAt().getNano();
            case NUMBER -> t.number();
            case STATUS -> t.status().name();
            case BUSINESS_TYPE -> t.businessType().name();
            case CHANNEL -> t.channel().name();
            case REGION -> t.region().value();
            case HANDLING_UNIT -> t.handlingUnit();
            case LEGAL_DEADLINE -> t.legalDeadline() == null ? NONE : t.legalDeadline().toString();
        };
    }

    /** A cursor value back as what the column compares with; throws on anything a cursor never holds. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Comparable typed(String value) {
        return switch (column) {
            case DUE_AT, CREATED_AT -> {
                String[] parts = value.split("\\.");
                yield Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
            case STATUS -> TicketStatus.valueOf(value);
            case BUSINESS_TYPE -> BusinessType.valueOf(value);
            case CHANNEL -> Channel.valueOf(value);
            case NUMBER, REGION, HANDLING_UNIT -> value;
            // the cursor past the last ticket with a deadline: the rest are paged by id alone
            case LEGAL_DEADLINE -> value.equals(NONE) ? NONE : LocalDate.parse(value);
        };
    }
}
