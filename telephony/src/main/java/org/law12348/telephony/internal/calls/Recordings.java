package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recording files of calls, read from the configured recording directory (Asterisk's monitor
 * directory, shared with or local to this host). A call's reference is followed only when the file
 * it names, symbolic links resolved, lies inside that directory: a reference changed in the database
 * or a link planted in the spool cannot make the application serve another file. A reference the
 * erasure or retention has cleared, or a file already deleted, is simply no recording.
 */
@Component
public class Recordings {

    /** What browsers are told each kind of Asterisk recording is; the first three play in every browser. */
    private static final Map<String, String> TYPES = Map.of(
            "wav", "audio/wav", "mp3", "audio/mpeg", "ogg", "audio/ogg", "gsm", "audio/x-gsm",
            "wav49", "audio/wav", "sln", "audio/L16");

    private static final Logger log = LoggerFactory.getLogger(Recordings.class);

    /** A recording file ready to serve, with its media type. */
    public record Recording(Path file, String contentType) {
    }

    private final Path dir;

    Recordings(TelephonyProperties properties) {
        this.dir = Path.of(properties.recordingDir()).toAbsolutePath().normalize();
    }

    public Optional<Recording> of(CallRecord call) {
        String reference = call.recordingFile();
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = dir.resolve(reference).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return refused(call);
        }
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            return file.startsWith(dir) ? Optional.empty() : refused(call);
        }
        try {
            if (!file.toRealPath().startsWith(dir.toRealPath())) {
                return refused(call);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.of(new Recording(file, TYPES.getOrDefault(extension, "application/octet-stream")));
    }

    private Optional<Recording> refused(CallRecord call) {
        log.warn("Recording reference of call {} points outside {}; not served", call.callId(), dir);
        return Optional.empty();
    }

}
