package fr.inclusion93.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for the tests' stand-in services. */
public final class TestPorts {

    private TestPorts() {
    }

    /** A loopback port nobody listens on (a connection is refused) until a test starts a server there. */
    public static int unused() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
