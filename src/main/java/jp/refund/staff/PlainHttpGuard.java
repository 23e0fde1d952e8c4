package jp.refund.staff;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code serve} on an address other hosts reach, without TLS, would send passwords, codes,
 * session cookies and the members' data in clear: it refuses to start, unless the operator
 * says {@code --i-understand-plain-http} ({@code refund.staff.plain-http}), and then warns.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PlainHttpGuard {

    private static final Logger log = LoggerFactory.getLogger(PlainHttpGuard.class);

    PlainHttpGuard(Environment environment) {
        check(environment);
    }

    static void check(Environment environment) {
        String address = environment.getProperty("server.address", "127.0.0.1");
        if (loopback(address) || tls(environment)) {
            return;
        }
        String what = "serve listens on " + address + " without TLS: passwords, codes and session cookies would cross"
                + " the network in clear";
        if (!environment.getProperty("refund.staff.plain-http", Boolean.class, false)) {
            throw new IllegalStateException(what + ". Give a certificate (--server.ssl.bundle=..., docs/support.md,"
                    + " TLS), keep --server.address=127.0.0.1 behind a TLS proxy, or start with"
                    + " --i-understand-plain-http");
        }
        log.warn("{} (--i-understand-plain-http)", what);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean tls(Environment environment) {
        if (!environment.getProperty("server.ssl.enabled", Boolean.class, true)) {
            return false;
        }
        return environment.getProperty("server.ssl.bundle") != null
                || environment.getProperty("server.ssl.key-store") != null
                || environment.getProperty("server.ssl.certificate") != null;
    }
}
