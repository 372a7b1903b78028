package org.law12348.consultation;

import org.law12348.ticketing.BusinessType;
import org.law12348.ticketing.LegalCategory;
import org.law12348.ticketing.RegionCode;

import java.util.Set;

/** What a consultant applies with, already validated. */
public record ConsultantApplication(QualificationType qualification, String licenceNumber, RegionCode region,
                                    Set<BusinessType> businessTypes, Set<LegalCategory> categories,
                                    String statement) {
}
