package dev.passerelle.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, as lean as a load generator's client must
 * be on a machine it shares with the server: a request is written in one go, and the answer's
 * status line, headers and body ({@code Content-Length} or chunked) are read and the body counted,
 * not kept. Not thread-safe: one per virtual thread. Reconnects when the server closes.
 */
final class RawHttp implements AutoCloseable {

    private final InetAddress local;
    private final InetSocketAddress server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A connection to {@code port} on the loopback, from the loopback address {@code local}. */
    RawHttp(InetAddress local, int port) {
        this.local = local;
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** A request ready to send: its bytes are built once and written for every call. */
    static byte[] request(String method, String pathAndQuery, String authorization, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Sends {@code request} and reads the whole answer; the body is kept only when {@code keep}. */
    Answer send(byte[] request, boolean keep) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return read(keep);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(server, 10_000);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
    }

    private Answer read(boolean keep) throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            // e.g. another process took the port the bench picked for a server that is still starting
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream body = keep ? new ByteArrayOutputStream() : null;
        long size = 0;
        if (chunked) {
            for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0;
                    chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
                size += body(chunk, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            size = body(length, body);
        }
        if (closes) {
            close();
        }
        return new Answer(code, size, body == null ? null : body.toByteArray());
    }

    private long body(long length, ByteArrayOutputStream keep) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the server closed the connection in a body");
            }
            if (keep != null) {
                keep.write(buffer, 0, n);
            }
            left -= n;
        }
        return length;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** A status, the body's size, and the body when it was kept. */
    record Answer(int status, long size, byte[] body) {
    }
}
