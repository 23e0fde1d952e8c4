package jp.refund.notice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a free loopback port that refuses chosen recipients with a chosen
 * reply (a 5xx for good, a 4xx a given number of times) and accepts everything else: the
 * refusals GreenMail cannot make.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> timesLeft = new ConcurrentHashMap<>();
    final AtomicInteger accepted = new AtomicInteger();

    ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::serve, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** RCPT TO this address is answered with {@code reply}, {@code times} times (then accepted). */
    ScriptedSmtpServer refuse(String address, String reply, int times) {
        refusals.put(address.toLowerCase(), reply);
        timesLeft.put(address.toLowerCase(), new AtomicInteger(times));
        return this;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                session(client);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private void session(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        say(out, "220 scripted ESMTP");
        boolean refused = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                say(out, "250 scripted");
            } else if (upper.startsWith("MAIL FROM")) {
                refused = false;
                say(out, "250 2.1.0 OK");
            } else if (upper.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
                AtomicInteger left = timesLeft.get(address);
                if (left != null && left.getAndDecrement() > 0) {
                    refused = true;
                    say(out, refusals.get(address));
                } else {
                    say(out, "250 2.1.5 OK");
                }
            } else if (upper.startsWith("DATA")) {
                say(out, "354 go ahead");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // the message itself is not kept
                }
                if (!refused) {
                    accepted.incrementAndGet();
                }
                say(out, "250 2.0.0 queued as " + accepted.get());
            } else if (upper.startsWith("QUIT")) {
                say(out, "221 bye");
                return;
            } else {
                say(out, "250 OK"); // RSET, NOOP
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
