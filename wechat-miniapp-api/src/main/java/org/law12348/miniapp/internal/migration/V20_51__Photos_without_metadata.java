package org.law12348.miniapp.internal.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.law12348.miniapp.internal.tickets.TicketImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Photos citizens sent from the mini-programs were kept as uploaded, with the EXIF a phone writes
 * (GPS position, time, camera). New uploads lose it on the way in; this cleans the ones kept before.
 * Idempotent: a cleaned photo comes out of a second pass without metadata again.
 */
@Component
class V20_51__Photos_without_metadata extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V20_51__Photos_without_metadata.class);

    private final TicketImages images;

    V20_51__Photos_without_metadata(TicketImages images) {
        this.images = images;
    }

    @Override
    public void migrate(Context context) {
        TicketImages.Cleaned cleaned = images.cleanKept();
        log.info("Re-encoded {} kept mini-program photos without their metadata; {} did not decode and stay as they were",
                cleaned.images(), cleaned.undecodable());
    }
}
