package jp.refund.notice;

import java.time.OffsetDateTime;

/**
 * A member's contact data as the ID registry ({@code members.csv}) holds it: the only contact
 * a notice may go to. Read from the {@code member} table alone, never from an application.
 */
record RegisteredContact(String memberId, String email, String postalCode, String address,
                         OffsetDateTime contactChangedAt) {
}
