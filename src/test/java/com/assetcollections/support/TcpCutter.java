package com.assetcollections.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a local port in front of a server (PostgreSQL), which a test cuts off — every
 * connection through it closed, new ones refused — and reconnects on the same port. It can also
 * cut itself off the moment a client sends a given text (a statement it is about to run), to
 * interrupt a piece of work at a known point.
 */
public final class TcpCutter implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile String tripwire;

    public TcpCutter(int targetPort) {
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    public int port() {
        return port;
    }

    /** Cuts off (as {@link #cut()}) as soon as a client sends {@code text}. */
    public void cutWhenSent(String text) {
        tripwire = text;
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #reconnect()}. */
    public synchronized void cut() {
        tripwire = null;
        closeQuietly(server);
        server = null;
        open.forEach(TcpCutter::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void reconnect() {
        if (server == null) {
            listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private int listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", onPort));
            server = socket;
            daemon(() -> accept(socket));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket target = new Socket("127.0.0.1", targetPort);
                open.add(client);
                open.add(target);
                daemon(() -> pipe(client, target, true));
                daemon(() -> pipe(target, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                String wire = tripwire;
                if (fromClient
                        && wire != null
                        && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(wire)) {
                    cut();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "tcp-cutter");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // already closed
        }
    }
}
