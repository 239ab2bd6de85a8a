package io.solvent.engine.feed.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFC 6455 WebSocket server on the loopback address for tests: each accepted connection runs the next
 * {@link Script} (the last one repeats), which sends frames the way a venue would. Reads the client's frames
 * (masked, as the protocol requires) to record Pongs and answer Close. Stops when closed; every thread is a daemon.
 */
public final class LoopbackWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What the server does on one connection (public: the app's console tests use it too). */
    public interface Script {
        void run(Connection c) throws Exception;
    }

    /** Answer the handshake with this HTTP status instead of 101 and close. */
    static Script reject(int status) {
        return c -> c.rejectStatus = status;
    }

    private final ServerSocket server;
    private final List<Script> scripts;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<String> requestPaths = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public LoopbackWebSocketServer(List<Script> scripts) throws IOException {
        this.scripts = List.copyOf(scripts);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("test-ws-accept").start(this::accept);
    }

    public URI base() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    List<String> requestPaths() {
        return requestPaths;
    }

    List<Connection> connections() {
        return connections;
    }

    private void accept() {
        int index = 0;
        while (!closed) {
            try {
                Socket s = server.accept();
                Script script = scripts.get(Math.min(index++, scripts.size() - 1));
                Connection c = new Connection(s);
                connections.add(c);
                Thread.ofPlatform().daemon().name("test-ws-conn").start(() -> c.serve(script));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Connection c : connections) {
            c.closeSocket();
        }
    }

    /** One accepted connection. */
    public final class Connection {
        private final Socket socket;
        private OutputStream out;
        private DataInputStream in;
        private int rejectStatus;
        final List<byte[]> pongs = new CopyOnWriteArrayList<>();
        final CountDownLatch pongSeen = new CountDownLatch(1);
        final CountDownLatch clientGone = new CountDownLatch(1);

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve(Script script) {
            try {
                socket.setTcpNoDelay(true);
                in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                out = socket.getOutputStream();
                handshakeKey();
                script.run(this);
                if (rejectStatus != 0) {
                    write(("HTTP/1.1 " + rejectStatus + " Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    closeSocket();
                }
            } catch (Exception e) {
                closeSocket();
            }
        }

        private boolean upgraded;
        private String key;

        private String handshakeKey() throws IOException {
            String requestLine = readLine();
            String[] parts = requestLine.split(" ");
            requestPaths.add(parts.length > 1 ? parts[1] : "");
            String k = null;
            for (String l = readLine(); !l.isEmpty(); l = readLine()) {
                int colon = l.indexOf(':');
                if (colon > 0 && l.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                    k = l.substring(colon + 1).trim();
                }
            }
            key = k;
            return k;
        }

        /** Completes the handshake (101) and starts reading the client's frames. Scripts call it first. */
        public void accept() throws Exception {
            String acceptKey = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + acceptKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            upgraded = true;
            Thread.ofPlatform().daemon().name("test-ws-read").start(this::readFrames);
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.write(c);
                }
            }
            if (c < 0) {
                throw new IOException("closed during handshake");
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        private void readFrames() {
            try {
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long len = b1 & 0x7f;
                    if (len == 126) {
                        len = in.readUnsignedShort();
                    } else if (len == 127) {
                        len = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        in.readFully(mask);
                    }
                    byte[] payload = new byte[(int) len];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = b0 & 0x0f;
                    if (opcode == 0xA) {
                        pongs.add(payload);
                        pongSeen.countDown();
                    } else if (opcode == 0x8) {
                        try {
                            frame(0x8, true, payload);
                        } catch (IOException ignored) {
                            // the client may already be gone
                        }
                        closeSocket();
                        return;
                    }
                }
            } catch (IOException e) {
                clientGone.countDown();
            } finally {
                clientGone.countDown();
            }
        }

        public void text(String s) throws IOException {
            frame(0x1, true, s.getBytes(StandardCharsets.UTF_8));
        }

        void binary(byte[] b) throws IOException {
            frame(0x2, true, b);
        }

        void ping(byte[] payload) throws IOException {
            frame(0x9, true, payload);
        }

        /** Sends a text message in fragments, one byte at a time, pausing between writes: slow delivery. */
        void textSlowly(String s, int fragments, long pauseMs) throws Exception {
            byte[] all = s.getBytes(StandardCharsets.UTF_8);
            int step = (all.length + fragments - 1) / fragments;
            for (int k = 0, off = 0; off < all.length; k++, off += step) {
                byte[] part = java.util.Arrays.copyOfRange(all, off, Math.min(all.length, off + step));
                boolean fin = off + step >= all.length;
                byte[] frame = encode(k == 0 ? 0x1 : 0x0, fin, part);
                for (byte b : frame) {
                    synchronized (this) {
                        out.write(b);
                        out.flush();
                    }
                }
                Thread.sleep(pauseMs);
            }
        }

        private void frame(int opcode, boolean fin, byte[] payload) throws IOException {
            write(encode(opcode, fin, payload));
        }

        private static byte[] encode(int opcode, boolean fin, byte[] payload) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                b.write(payload.length);
            } else if (payload.length < 65536) {
                b.write(126);
                b.write(payload.length >>> 8);
                b.write(payload.length & 0xff);
            } else {
                b.write(127);
                for (int s = 56; s >= 0; s -= 8) {
                    b.write((int) ((long) payload.length >>> s) & 0xff);
                }
            }
            b.writeBytes(payload);
            return b.toByteArray();
        }

        private synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Drops the TCP connection without a Close frame, as a crashing server or a broken network does. */
        void closeSocket() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        /** Waits, bounded, until the client goes away (used by scripts that stop answering). */
        public void awaitClientGone(long ms) throws InterruptedException {
            clientGone.await(ms, TimeUnit.MILLISECONDS);
        }

        boolean upgraded() {
            return upgraded;
        }
    }

    static List<Script> list(Script... s) {
        return new ArrayList<>(List.of(s));
    }
}
