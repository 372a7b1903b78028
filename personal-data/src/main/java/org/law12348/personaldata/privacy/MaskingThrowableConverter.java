package org.law12348.personaldata.privacy;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} with personal numbers masked: exception messages carry values too (a
 * unique-key violation quotes the row, an SDK error its request).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return LogMasking.mask(super.throwableProxyToString(tp));
    }
}
