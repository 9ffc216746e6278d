package org.tandem.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tandem.problem.ProblemException;
import org.tandem.web.BodyLimit;

import io.agroal.api.AgroalDataSource;

/**
 * The bytes of documents, as rows of {@code document_chunk}, written and read one chunk at a time: a file is never
 * held whole in memory, on the way in or out. Written with plain JDBC on the datasource, which inside a transaction
 * hands out that transaction's connection: the chunks commit or roll back with the document's rows.
 */
@ApplicationScoped
class Chunks {

    private static final String INSERT = "insert into document_chunk (document_id, version_number, seq, data)"
            + " values (?, ?, ?, ?)";
    private static final String SELECT = "select data from document_chunk"
            + " where document_id = ? and version_number = ? and seq = ?";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DocumentLimits limits;
    @Inject
    ContentTypes types;

    /** The beginning of an upload, read to learn its type before anything is stored. */
    record Head(byte[] buffer, int length, String mediaType) {
    }

    /** A version's content as stored. */
    record Stored(String mediaType, long size, String sha256, int chunkSize) {
    }

    /**
     * Reads the first chunk of {@code body} and detects its type: 415 when it is not allowed, 400 when the body is
     * empty; 413 when {@code max} is already passed.
     */
    Head head(InputStream body, String fileName, long max) {
        byte[] buffer = new byte[(int) limits.chunkSize().asLongValue()];
        int length = read(body, buffer);
        if (length == 0) {
            throw ProblemException.invalid("body", "the file is empty");
        }
        if (length > max) {
            throw tooLarge(max);
        }
        return new Head(buffer, length, types.detect(buffer, length, fileName));
    }

    /**
     * Stores {@code head} and the rest of {@code body} as version {@code number} of the document, hashing as it goes;
     * past {@code max} bytes it stops with 413 (the transaction then rolls back what was written).
     */
    Stored write(long documentId, int number, Head head, InputStream body, long max) {
        MessageDigest sha256 = sha256();
        byte[] buffer = head.buffer();
        long size = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int seq = 0;
            for (int length = head.length(); length > 0; length = read(body, buffer)) {
                size += length;
                if (size > max) {
                    throw tooLarge(max);
                }
                sha256.update(buffer, 0, length);
                insert.setLong(1, documentId);
                insert.setInt(2, number);
                insert.setInt(3, seq++);
                insert.setBytes(4, length == buffer.length ? buffer : Arrays.copyOf(buffer, length));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the document's content", e);
        }
        return new Stored(head.mediaType(), size, HexFormat.of().formatHex(sha256.digest()), buffer.length);
    }

    /**
     * Writes bytes {@code from} to {@code to} (inclusive) of a version to {@code out}, one chunk read at a time, each
     * on a connection of its own: a slow client holds no connection while it reads.
     */
    void copy(long documentId, int number, int chunkSize, long from, long to, OutputStream out) throws IOException {
        for (int seq = (int) (from / chunkSize); (long) seq * chunkSize <= to; seq++) {
            byte[] data = chunk(documentId, number, seq);
            long start = (long) seq * chunkSize;
            int offset = (int) Math.max(0, from - start);
            int end = (int) Math.min(data.length, to - start + 1);
            out.write(data, offset, end - offset);
        }
    }

    private byte[] chunk(long documentId, int number, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, documentId);
            select.setInt(2, number);
            select.setInt(3, seq);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IOException("chunk " + seq + " of document " + documentId + " version " + number
                            + " is missing");
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("could not read the document's content", e);
        }
    }

    /** Fills {@code buffer} from {@code body} as far as it goes; the count read, 0 at the end. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            // The client went away, or sent a body that breaks off: nothing of it is kept.
            throw ProblemException.invalid("body", "could not be read to its end");
        }
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(413, "too-large", "Payload too large", BodyLimit.tooLarge(max), null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
