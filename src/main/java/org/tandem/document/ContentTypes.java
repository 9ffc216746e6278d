package org.tandem.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.tandem.problem.ProblemException;

/**
 * The media type of a file, from its bytes (Apache Tika's magic numbers); the client's Content-Type is never read.
 * The file name only narrows what the bytes already say: a zip that is an Office Open XML package becomes a DOCX
 * when it is called .docx, but an executable called .pdf stays an executable, and bytes without a known signature
 * are not taken for what their name claims.
 */
@ApplicationScoped
class ContentTypes {

    /** Detected types too broad to be narrowed by a name: anything would do. */
    private static final Set<MediaType> UNKNOWN = Set.of(MediaType.OCTET_STREAM, MediaType.TEXT_PLAIN, MediaType.EMPTY);

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    @Inject
    DocumentLimits limits;

    /** The type of a file beginning with {@code head}, or 415 when it is not one of the allowed types. */
    String detect(byte[] head, int length, String fileName) {
        MediaType type;
        try {
            MediaType byBytes = types.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
            type = byBytes;
            if (!UNKNOWN.contains(byBytes)) {
                Metadata named = new Metadata();
                named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
                MediaType byName = types.detect(new ByteArrayInputStream(head, 0, length), named);
                if (types.getMediaTypeRegistry().isSpecializationOf(byName, byBytes)) {
                    type = byName;
                }
            }
        } catch (IOException e) {
            throw ProblemException.invalid("body", "could not be read");
        }
        String found = type.getBaseType().toString();
        if (!limits.allowedTypes().contains(found)) {
            throw new ProblemException(415, "type-not-allowed", "Unsupported media type", "the file's content is "
                    + found + ", which is not among the types accepted: " + String.join(", ", limits.allowedTypes()),
                    null);
        }
        return found;
    }
}
