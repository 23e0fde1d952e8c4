package jp.refund.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** AUDITOR: the security events, a page at a time (newest first), as JSON, and exported (streamed) as CSV. */
@Controller
class SecurityEventPages {

    static final int PAGE = 100;
    private final SecurityEvents events;

    SecurityEventPages(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping("/audit/events")
    String page(@RequestParam(required = false) Long before, Model model) {
        List<SecurityEvents.Entry> entries = events.page(before, PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        return "events";
    }

    @GetMapping(value = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<SecurityEvents.Entry> api(@RequestParam(required = false) Long before) {
        return events.page(before, PAGE);
    }

    /** Streamed to the response a page of rows at a time (a flood of events never builds up in memory). */
    @GetMapping("/audit/events.csv")
    void csv(HttpServletResponse response) throws IOException {
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=security-events.csv");
        Writer out = response.getWriter();
        out.write("occurred_at,event,username,client,outcome,detail,repeated,last_at\n");
        events.forEach(e -> {
            try {
                out.write(CsvCells.row(e.occurredAt(), e.event(), e.username(), e.client(), e.outcome(), e.detail(),
                        e.repeated(), e.lastAt()));
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
        out.flush();
    }
}
