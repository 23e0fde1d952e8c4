package jp.refund.staff;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, for the pages' navigation. */
@ControllerAdvice
class StaffModel {

    record Staff(String name, boolean finance, boolean auditor) {
    }

    @ModelAttribute("staff")
    Staff staff(Principal principal) {
        if (!(principal instanceof Authentication auth) || !SecurityConfiguration.bothFactors(auth)) {
            return null;
        }
        boolean finance = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_FINANCE"));
        boolean auditor = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AUDITOR"));
        return new Staff(auth.getName(), finance, auditor);
    }
}
