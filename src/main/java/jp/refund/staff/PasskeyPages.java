package jp.refund.staff;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A logged-in user's passkeys ({@code /passkeys}, both factors needed): the ones registered, and
 * a button that registers one more through Spring Security's WebAuthn endpoints
 * ({@code static/js/passkeys.js}). Lost one? The administrator revokes them.
 */
@Controller
class PasskeyPages {

    private final Passkeys passkeys;

    PasskeyPages(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping("/passkeys")
    String list(Authentication auth, Model model) {
        model.addAttribute("passkeys", passkeys.of(auth.getName()));
        return "passkeys";
    }
}
