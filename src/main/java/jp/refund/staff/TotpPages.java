package jp.refund.staff;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.imageio.ImageIO;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor, after the password: a TOTP code (or a recovery code) — or a passkey, which
 * Spring Security's WebAuthn checks ({@link PasskeyLogin}), offered here — or, for a user
 * who has none yet — enrolment: first the one-time enrolment code the administrator gave
 * (the password alone never shows a key), then a new secret as a QR code and as text,
 * confirmed by a first code, then ten single-use recovery codes shown once. Codes are counted by
 * {@link LoginGuard} like passwords; each TOTP step and each recovery code works once.
 */
@Controller
class TotpPages {

    private static final String PENDING = "staff.pendingTotpSecret";
    /** The user whose enrolment code this session gave (the key page opens only then). */
    private static final String ENROLMENT_ADMITTED = "staff.enrolmentAdmitted";
    private static final String ISSUER = "refund-batch";

    private final StaffUsers users;
    private final LoginGuard guard;
    private final KnownDevices devices;
    private final SecurityEvents events;
    private final Clock clock;
    private final Passkeys passkeys;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TotpPages(StaffUsers users, LoginGuard guard, KnownDevices devices, SecurityEvents events, Clock clock,
              Passkeys passkeys) {
        this.passkeys = passkeys;
        this.users = users;
        this.guard = guard;
        this.devices = devices;
        this.events = events;
        this.clock = clock;
    }

    /** The second-factor page offers a passkey to a user who registered one. */
    @ModelAttribute("hasPasskey")
    boolean hasPasskey(Authentication auth) {
        return auth != null && passkeys.count(auth.getName()) > 0;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/login/totp")
    String form(Authentication auth, HttpSession session, Model model) {
        if (users.totpSecret(auth.getName()).isPresent()) {
            return "totp";
        }
        if (!auth.getName().equals(session.getAttribute(ENROLMENT_ADMITTED))) {
            return "enrol-code"; // the password alone never shows the key
        }
        String secret = (String) session.getAttribute(PENDING);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING, secret);
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qr", qrDataUri(Totp.otpauthUri(ISSUER, auth.getName(), secret)));
        return "enrol";
    }

    /** The enrolment code from the administrator: counted like a second-factor code, used once. */
    @PostMapping("/login/enrol")
    String enrolmentCode(@RequestParam(defaultValue = "") String code, Authentication auth, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        String user = auth.getName();
        String client = request.getRemoteAddr();
        if (users.totpSecret(user).isPresent()) {
            return "redirect:/login/totp";
        }
        LoginGuard.Ticket ticket;
        try {
            ticket = guard.beforeFactor(user, client, devices.known(request, user), false);
        } catch (LoginGuard.Throttled e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            model.addAttribute("error", "throttled");
            return "enrol-code";
        } catch (LockedException e) {
            response.setStatus(HttpStatus.LOCKED.value());
            model.addAttribute("error", "locked");
            return "enrol-code";
        }
        if (!users.useEnrolmentCode(user, code.strip())) {
            return failed(ticket, user, client, "enrolment code", model, "enrol-code");
        }
        events.record(Event.ENROLMENT_CODE_USED, user, client, "OK", "key shown");
        request.getSession().setAttribute(ENROLMENT_ADMITTED, user);
        return "redirect:/login/totp";
    }

    @PostMapping("/login/totp")
    String verify(@RequestParam(defaultValue = "") String code, Authentication auth, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String user = auth.getName();
        String client = request.getRemoteAddr();
        String entered = code.strip();
        boolean recovery = !entered.matches("[0-9]{6}");
        LoginGuard.Ticket ticket;
        try {
            ticket = guard.beforeFactor(user, client, devices.known(request, user), recovery);
        } catch (LoginGuard.Throttled e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            model.addAttribute("error", "throttled");
            return users.totpSecret(user).isPresent() ? "totp" : form(auth, request.getSession(), model);
        } catch (LockedException e) {
            // the form stays: a recovery code still gets in (and ends the lock)
            response.setStatus(HttpStatus.LOCKED.value());
            model.addAttribute("error", "locked");
            return users.totpSecret(user).isPresent() ? "totp" : form(auth, request.getSession(), model);
        }
        long now = clock.instant().getEpochSecond();
        String secret = users.totpSecret(user).orElse(null);
        if (secret == null && !user.equals(request.getSession().getAttribute(ENROLMENT_ADMITTED))) {
            return failed(ticket, user, client, "enrolment (no enrolment code given)", model, "enrol-code");
        }
        if (secret == null) {
            String pending = (String) request.getSession().getAttribute(PENDING);
            OptionalLong step = pending == null ? OptionalLong.empty() : Totp.matchingStep(pending, entered, now);
            if (step.isEmpty()) {
                return failed(ticket, user, client, "enrolment code", model, form(auth, request.getSession(), model));
            }
            List<String> codes = recoveryCodes();
            users.enrol(user, pending, step.getAsLong(), codes.stream().map(TotpPages::recoveryHash).toList());
            request.getSession().removeAttribute(PENDING);
            request.getSession().removeAttribute(ENROLMENT_ADMITTED);
            events.record(Event.FACTOR_ENROLLED, user, client, "OK", "TOTP and 10 recovery codes");
            succeed(auth, ticket, request, response);
            model.addAttribute("codes", codes);
            return "recovery";
        }
        boolean ok;
        if (!recovery) {
            OptionalLong step = Totp.matchingStep(secret, entered, now);
            ok = step.isPresent() && users.useStep(user, step.getAsLong());
        } else {
            ok = users.useRecoveryCode(user, recoveryHash(entered));
            if (ok) {
                events.record(Event.RECOVERY_CODE_USED, user, client, "OK", null);
            }
        }
        if (!ok) {
            return failed(ticket, user, client, "code", model, "totp");
        }
        succeed(auth, ticket, request, response);
        return "redirect:/";
    }

    private String failed(LoginGuard.Ticket ticket, String user, String client, String what, Model model, String view) {
        guard.factorFailed(ticket);
        events.record(Event.FACTOR_FAILURE, user, client, "REFUSED", "wrong " + what);
        model.addAttribute("error", "wrong");
        return view;
    }

    /** Adds FACTOR_TOTP to the login, in a new session id, and remembers the browser. */
    private void succeed(Authentication auth, LoginGuard.Ticket ticket, HttpServletRequest request,
                         HttpServletResponse response) {
        guard.factorSucceeded(ticket);
        List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(SecurityConfiguration.FACTOR_TOTP));
        Authentication both = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(both);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        devices.remember(auth.getName(), request, response);
        events.record(Event.FACTOR_SUCCESS, auth.getName(), request.getRemoteAddr(), "OK", "both factors");
    }

    static List<String> recoveryCodes() {
        SecureRandom random = new SecureRandom();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] b = new byte[10];
            random.nextBytes(b);
            String s = Totp.base32(b).toLowerCase(Locale.ROOT); // 16 characters, 80 bits
            codes.add(s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16));
        }
        return codes;
    }

    static String recoveryHash(String code) {
        return KnownDevices.sha256(code.strip().toLowerCase(Locale.ROOT).replace(" ", ""));
    }

    static String qrDataUri(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240);
            BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xffffff);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
