package fr.inclusion93.writes.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads an export's rows through a database cursor on a thread of its own, a few batches ahead of the writer: the
 * database computes the next rows while the last ones are written, instead of waiting for each fetch in turn. At
 * most {@code BATCHES_AHEAD} batches wait, so memory does not grow with the row count.
 */
final class ReadAhead {

    private static final int FETCH_SIZE = 2000;
    private static final int BATCHES_AHEAD = 4;

    /** Rows read so far, or what stopped the reading; {@code last} after the final rows. */
    private record Batch(List<Map<String, String>> rows, boolean last, RuntimeException failure) {
    }

    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private volatile boolean abandoned;

    private ReadAhead() {
    }

    /** Hands each row {@code reader} keeps to {@code writer}, in cursor order, on the calling thread. */
    static void eachRow(DataSource dataSource, String query, StreamedTable.RowReader reader,
            Consumer<Map<String, String>> writer) {
        ReadAhead readAhead = new ReadAhead();
        Thread thread = new Thread(() -> readAhead.read(dataSource, query, reader), "export-read-ahead");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Batch batch = readAhead.batches.take();
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                batch.rows().forEach(writer);
                if (batch.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while exporting", e);
        } finally {
            readAhead.abandoned = true; // the writer failed (a client gone): the reader stops at its next batch
        }
    }

    private void read(DataSource dataSource, String query, StreamedTable.RowReader reader) {
        try (Connection connection = ExportTransaction.begin(dataSource)) {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    List<Map<String, String>> batch = new ArrayList<>(FETCH_SIZE);
                    while (rows.next()) {
                        Map<String, String> row = reader.read(rows);
                        if (row != null) {
                            batch.add(row);
                        }
                        if (batch.size() == FETCH_SIZE) {
                            if (!hand(new Batch(batch, false, null))) {
                                return;
                            }
                            batch = new ArrayList<>(FETCH_SIZE);
                        }
                    }
                    hand(new Batch(batch, true, null));
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            hand(new Batch(List.of(), true, new IllegalStateException("Cannot read the rows to export", e)));
        }
    }

    /** Waits for room for the batch; false once the writer is gone. */
    private boolean hand(Batch batch) {
        try {
            while (!abandoned) {
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
