package org.law12348.ticketing.retention;

/** Retention is switched off by configuration, so it cannot be run on demand either. */
public class RetentionDisabledException extends RuntimeException {

    public RetentionDisabledException() {
        super("保存期限清理已停用（law12348.ticketing.retention.enabled=false）");
    }
}
