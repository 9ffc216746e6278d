package org.tandem.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

import org.h2.api.DatabaseEventListener;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jboss.logging.Logger;

/**
 * Finds the newest state of an H2 file after a crash, before H2 opens it; named in the JDBC URL as
 * {@code DATABASE_EVENT_LISTENER}, whose {@link #init} H2 calls before it opens the file.
 * <p>
 * Why: H2's MVStore (2.2 to at least 2.5.252) can lose committed and synced transactions when the process is
 * killed. It writes each commit as a chunk, in free space when the file has some, and predicts in each chunk
 * where the next will go. When a chunk lands elsewhere than predicted, it rewrites the file header, but with
 * the chunk before it ({@code RandomAccessStore.writeChunk} runs before {@code FileStore.storeBuffer} sets
 * {@code lastChunk}; in 2.1 the order was the other way round), whose prediction is the one that was wrong.
 * After a kill, the normal open follows the header's chunk and its predictions, finds nothing where predicted,
 * and goes back to that older version, silently dropping every later chunk until a header written at least
 * 20 versions later. Measured on a 2,000-pairing data directory, which the synthetic load leaves two thirds
 * free: every write of the first seconds after a start was lost, each time.
 * <p>
 * When the file was not closed cleanly, this opens it once with MVStore's recovery mode, which scans the whole
 * file for chunks and takes the newest one whose references are all valid, and closes it, which writes a header
 * that names that chunk. H2 then opens it as after a clean shutdown. The scan reads the whole file (about
 * 10 s for 1 GB); it runs only after a crash. If another process holds the file, the store refuses to open it
 * and this leaves it alone.
 */
public class H2CrashRecovery implements DatabaseEventListener {

    private static final Logger LOG = Logger.getLogger(H2CrashRecovery.class);
    /** The two copies of the file header at the start of an MVStore file. */
    private static final int HEADER_BLOCK = 4096;

    /** H2 instantiates the listener by reflection. */
    public H2CrashRecovery() {
    }

    @Override
    public void init(String url) {
        Path file = mvFile(url);
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            if (closedCleanly(file)) {
                return;
            }
            long started = System.nanoTime();
            MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().autoCommitDisabled()
                    .open();
            long version = store.getCurrentVersion();
            store.close();
            LOG.infof("H2 file %s was not closed cleanly: recovered to its newest complete version %d in %d ms",
                    file, version, (System.nanoTime() - started) / 1_000_000);
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return; // open in another process: H2 refuses it too, with its own message
            }
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the header of " + file, e);
        }
    }

    /**
     * The {@code .mv.db} file of a {@code jdbc:h2:file:} (or {@code jdbc:h2:/path}, either behind {@code retry:})
     * URL; null for in-memory,
     * remote and other URLs.
     */
    static Path mvFile(String url) {
        String rest = url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()) : url;
        int options = rest.indexOf(';');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        if (rest.startsWith("retry:")) {
            rest = rest.substring("retry:".length());
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.matches("^[a-zA-Z]{2,}:.*")) {
            return null;
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isEmpty() ? null : Path.of(rest + ".mv.db");
    }

    /** Both header copies are intact, agree, and carry the clean-shutdown mark that H2 writes on close. */
    private static boolean closedCleanly(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(2 * HEADER_BLOCK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read both blocks
            }
        }
        if (buffer.hasRemaining()) {
            return false;
        }
        byte[] bytes = buffer.array();
        byte[] first = Arrays.copyOfRange(bytes, 0, HEADER_BLOCK);
        byte[] second = Arrays.copyOfRange(bytes, HEADER_BLOCK, 2 * HEADER_BLOCK);
        if (!Arrays.equals(first, second)) {
            return false;
        }
        // "H:2,block:..,clean:1,...,fletcher:<checksum of what precedes ',fletcher'>\n", then zeros
        String text = new String(first, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        int checksum = text.lastIndexOf(",fletcher:", end);
        if (end < 0 || checksum < 0) {
            return false;
        }
        Map<String, String> header;
        try {
            header = DataUtils.parseMap(text.substring(0, end));
        } catch (RuntimeException corrupt) {
            return false;
        }
        String expected = Integer.toHexString(DataUtils.getFletcher32(first, 0, checksum));
        return expected.equals(header.get("fletcher")) && "1".equals(header.get("clean"));
    }
}
