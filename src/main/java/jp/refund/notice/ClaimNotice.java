package jp.refund.notice;

import java.time.LocalDate;

/**
 * A notice as support sees it: which night made it, where it stands on its way to the
 * applicant ({@code state}: LETTER for the print vendor, NIGHT_NOT_COMPLETED (its night was
 * interrupted and has not been run to the end: not sent, and made again when it is), NOT_SENT,
 * SENDING, SENT, RETRY, FAILED), the server's last reply, and the rendered text.
 */
public record ClaimNotice(LocalDate runDate, Notice notice, String state, String reply, String subject,
                          String text) {
}
