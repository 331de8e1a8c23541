package fr.inclusion93.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One fault run at a time: a second one would restart the first one's broker and databases under it (kafka.sh uses
 * a broker that already answers on its port, for instance). Held from the start of the system to its close.
 */
final class ExclusiveRun implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveRun(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Fails at once when another run holds the work directory. */
    static ExclusiveRun acquire(Path work) {
        try {
            Files.createDirectories(work);
            FileChannel channel = FileChannel.open(work.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another fault run uses " + work);
            }
            return new ExclusiveRun(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails when something (another checkout's fault run, say) already listens on one of these ports. */
    static void requireFree(int... ports) {
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                throw new IllegalStateException("port " + port + " is in use: is another fault run going on?");
            } catch (IOException free) {
                // nothing answers: free
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
