package jp.refund.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.staff.*}: the doors of the status service.
 * <ul>
 *   <li>{@code max-failed-logins} password failures lock a user for
 *       {@code lockout}, at most {@code max-lockouts-per-day} times a day; failures beyond that
 *       are still throttled per client and globally but no longer lock;</li>
 *   <li>{@code max-factor-failures} wrong second-factor codes, counted on their own (a correct
 *       password never resets them), lock the user's second factor for {@code factor-lockout},
 *       doubling with each further lockout in a row, until a recovery code or a factor reset;</li>
 *   <li>a client gets {@code client-free-failures} failures, then must wait 1 s, 2 s, 4 s …
 *       up to {@code client-max-delay} after each further failure (429 meanwhile);</li>
 *   <li>over {@code global-failures-per-minute} failures from everywhere, every client without
 *       a known-device cookie waits {@code global-delay} (doubling per further multiple) between attempts;</li>
 *   <li>sessions end after {@code session-absolute} whatever the activity (the idle limit is
 *       {@code server.servlet.session.timeout}); a known device is remembered {@code device-validity};</li>
 *   <li>an enrolment code (from the {@code user} command) is valid {@code enrolment-code-validity};</li>
 *   <li>API tokens are valid {@code token-validity} unless the {@code user} command says otherwise;</li>
 *   <li>{@code plain-http}: {@code serve} may listen on a non-loopback address without TLS
 *       ({@code serve --i-understand-plain-http}); otherwise it refuses to start;</li>
 *   <li>refusals of one kind from one client within {@code event-window} of the first are one
 *       security event with a count.</li>
 * </ul>
 */
@ConfigurationProperties("refund.staff")
public record StaffSettings(@DefaultValue("5") int maxFailedLogins,
                            @DefaultValue("15m") Duration lockout,
                            @DefaultValue("3") int maxLockoutsPerDay,
                            @DefaultValue("5") int maxFactorFailures,
                            @DefaultValue("15m") Duration factorLockout,
                            @DefaultValue("5") int clientFreeFailures,
                            @DefaultValue("5m") Duration clientMaxDelay,
                            @DefaultValue("60") int globalFailuresPerMinute,
                            @DefaultValue("1s") Duration globalDelay,
                            @DefaultValue("8h") Duration sessionAbsolute,
                            @DefaultValue("30d") Duration deviceValidity,
                            @DefaultValue("24h") Duration enrolmentCodeValidity,
                            @DefaultValue("90d") Duration tokenValidity,
                            @DefaultValue("5m") Duration eventWindow,
                            @DefaultValue("false") boolean plainHttp) {
}
