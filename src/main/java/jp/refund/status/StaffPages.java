package jp.refund.status;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.refund.shared.StoredTimestamp;
import jp.refund.staff.CsvCells;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** FINANCE: the nights run and their files. AUDITOR: the lookup log, page by page, and exported. */
@Controller
class StaffPages {

    record NightFiles(LocalDate runDate, OffsetDateTime completedAt, List<String> files) {
    }

    static final int PAGE = 100;
    private final JdbcTemplate jdbc;
    private final LookupLog log;
    private final StatusSettings settings;

    StaffPages(JdbcTemplate jdbc, LookupLog log, StatusSettings settings) {
        this.jdbc = jdbc;
        this.log = log;
        this.settings = settings;
    }

    List<NightFiles> nights() {
        return jdbc.query("SELECT run_date, completed_at FROM night ORDER BY run_date DESC", (rs, i) -> {
            LocalDate d = rs.getObject(1, LocalDate.class);
            return new NightFiles(d, StoredTimestamp.read(rs, 2), files(d));
        });
    }

    /** The files of a night as its manifest lists them. */
    private List<String> files(LocalDate runDate) {
        Path manifest = Path.of(settings.outputDir()).resolve(runDate.toString()).resolve("MANIFEST.sha256");
        if (!Files.exists(manifest)) {
            return List.of();
        }
        try {
            List<String> files = new ArrayList<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String file = line.length() > 66 ? line.substring(66) : line;
                if (!file.startsWith("certificates/P")) { // thousands of PDFs: the mailing list stands for them
                    files.add(file);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/finance/nights")
    String nights(Model model) {
        model.addAttribute("nights", nights());
        return "nights";
    }

    @GetMapping(value = "/api/nights", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<NightFiles> nightsApi() {
        return nights();
    }

    /** The lookup log a page at a time, newest first; older pages by {@code before} (the last id shown). */
    @GetMapping("/audit/lookups")
    String lookups(@RequestParam(required = false) Long before, Model model) {
        List<LookupLog.Entry> entries = log.page(before, PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        model.addAttribute("refusals", log.refusals(PAGE));
        return "lookups";
    }

    @GetMapping(value = "/api/lookups", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<LookupLog.Entry> lookupsApi(@RequestParam(required = false) Long before) {
        return log.page(before, PAGE);
    }

    /**
     * The whole log, streamed a page of rows at a time (never built in memory); cells that a
     * spreadsheet would read as a formula are quote-prefixed.
     */
    @GetMapping("/audit/lookups.csv")
    void lookupsCsv(HttpServletResponse response) throws IOException {
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=lookup-log.csv");
        Writer out = response.getWriter();
        out.write("looked_at,username,query_kind,query_value,results,outcome\n");
        Long before = null;
        for (List<LookupLog.Entry> page = log.page(null, 1000); !page.isEmpty(); page = log.page(before, 1000)) {
            for (LookupLog.Entry e : page) {
                out.write(CsvCells.row(e.lookedAt(), e.username(), e.kind(), e.query(), e.results(), e.outcome()));
            }
            before = page.get(page.size() - 1).id();
        }
        out.flush();
    }

    @ExceptionHandler(LookupLog.TooManyLookups.class)
    ResponseEntity<String> tooMany(LookupLog.TooManyLookups e) {
        return ResponseEntity.status(429).body(e.getMessage());
    }
}
