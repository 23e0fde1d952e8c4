package jp.refund.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a failed command prints on stderr. It names file, line and field where the
 * failure has them, and never carries personal data: a message may quote what it could not
 * read (a database error quotes the value it refused, a header check the columns it found),
 * so e-mail addresses and phone numbers are masked, quoted text other than a plain
 * identifier is left out, and the line is cut. The whole failure, stack trace included, is
 * in the log file.
 */
final class FailureLine {

    static final int MAX_LENGTH = 500;
    /**
     * The most a message says on the error line (issue 38), cut to fit: the file and line come
     * first, and the whole failure is in the log file, whose name follows the message.
     */
    static final int MAX_MESSAGE = 300;
    private static final String CUT = "… [cut; whole in the log file]";
    private static final String MIDDLE_CUT = " […] ";
    /** How much of a cut message's start stays (the file, its line, the first words of what failed). */
    private static final int HEAD = 110;

    private static final Pattern EMAIL = Pattern.compile("([^\\s@'\"<>(),;:]{1})[^\\s@'\"<>(),;:]*@([^\\s@'\"<>(),;:]+)");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])\\+?[0-9][0-9() .\\-]{8,18}[0-9](?![0-9])");
    /** A quoted text that is not a plain identifier (a column name, a reason): may be someone's name or address. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.\\-/ ()]{0,60}");

    private FailureLine() {
    }

    /**
     * The line a failed command prints: {@code error: <message> (details in <log file>)}, the
     * message at most {@link #MAX_MESSAGE} characters.
     */
    static String errorLine(Throwable e, String logFile) {
        return "error: " + cut(of(e), MAX_MESSAGE) + " (details in " + logFile + ")";
    }

    /**
     * At most {@code max} characters, cut in the middle: the file and line come first and what to do
     * comes last, so both stay; long paths and hashes between them go.
     */
    private static String cut(String line, int max) {
        if (line.length() <= max) {
            return line;
        }
        int head = HEAD;
        int tail = max - head - MIDDLE_CUT.length();
        return line.substring(0, head) + MIDDLE_CUT + line.substring(line.length() - tail);
    }

    static String of(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof jp.refund.database.BookMigrationException) {
                return clean(c.getMessage()); // one line by design, under the start-up failure that wraps it
            }
        }
        String message = e.getMessage();
        Throwable t = e;
        while ((message == null || message.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            message = t.getMessage();
        }
        return clean(message == null ? e.getClass().getSimpleName() : message);
    }

    static String clean(String message) {
        String line = message.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cntrl}", "?");
        line = replace(QUOTED, line, m -> {
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            String quote = m.group(1) != null ? "'" : "\"";
            return IDENTIFIER.matcher(inner).matches() && !looksLikePhone(inner) ? m.group()
                    : quote + "…" + quote;
        });
        line = replace(EMAIL, line, m -> m.group(1) + "***@" + m.group(2));
        line = replace(PHONE, line, m -> looksLikePhone(m.group()) ? "***-****-" + last4(m.group()) : m.group());
        if (line.length() > MAX_LENGTH) {
            line = line.substring(0, MAX_LENGTH) + CUT;
        }
        return line;
    }

    /**
     * A Japanese phone number starts with 0 (090-1111-0001, 03-1234-5678), an international one
     * with +: a claim number, a count of bytes or rows, a date run together start otherwise and
     * stay as they are (issue 38: 1000000473 was shown as ***-****-0473).
     */
    private static boolean looksLikePhone(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        String start = text.replaceAll("^[( ]+", "");
        return digits.length() >= 10 && digits.length() <= 13 && text.matches("\\+?[0-9() .\\-]+")
                && (start.startsWith("0") || start.startsWith("+"));
    }

    private static String last4(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.substring(digits.length() - 4);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
