package jp.refund.status;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Pages show a plain error page: the status and a sentence, never a stack trace. */
@ControllerAdvice(assignableTypes = {ClaimPages.class, StaffPages.class})
class PageErrors {

    @ExceptionHandler(LookupLog.TooManyLookups.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(LookupLog.TooManyLookups e, Model model) {
        model.addAttribute("status", 429);
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
