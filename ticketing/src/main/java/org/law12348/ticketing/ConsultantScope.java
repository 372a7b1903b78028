package org.law12348.ticketing;

import java.util.Set;

/**
 * What an approved, unexpired consultant certification covers: the business types and the region
 * (the consultant's province when the pool is province-wide or they are certified for a whole
 * province, otherwise their city) of the pool questions the consultant may see, claim and answer.
 *
 * @param region        the region the consultant is certified for
 * @param businessTypes the fields the consultant is certified for
 * @param provinceWide  whether the pool is shared across the province
 */
public record ConsultantScope(RegionCode region, Set<BusinessType> businessTypes, boolean provinceWide) {

    public ConsultantScope {
        if (region == null || businessTypes == null) {
            throw new IllegalArgumentException("A consultant scope needs a region and business types");
        }
        businessTypes = Set.copyOf(businessTypes);
    }

    /** The region-code prefix of the questions covered: two digits (province) or four (city). */
    public String regionPrefix() {
        return provinceWide || region.isProvince() ? region.provinceCode() : region.cityCode();
    }

    public boolean covers(BusinessType type, RegionCode questionRegion) {
        return businessTypes.contains(type) && questionRegion.value().startsWith(regionPrefix());
    }

    /** Whether the ticket is a pool question of this scope's fields and region. */
    public boolean covers(Ticket ticket) {
        return ticket.queue() == RoutingQueue.VOLUNTEER_POOL && covers(ticket.businessType(), ticket.region());
    }
}
