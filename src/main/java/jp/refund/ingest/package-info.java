/**
 * Ingest, the feed layer: the nightly feeds of SPEC sections 3, 9 and 10 read into their tables,
 * every row accounted for as accepted, skipped or rejected.
 *
 * <p>How a feed is read, in layers a reader can follow:
 * <ul>
 *   <li>{@code jp.refund.ingest.csv}: bytes to RFC 4180 records and a checked header,
 *       knowing nothing of feeds;</li>
 *   <li>columns: each feed's columns declared once in its {@code *Columns} class
 *       ({@code FeedColumn}: header name, {@code ColumnRule}, table column; the rule's
 *       value type gives the SQL type). A {@code FeedLayout} derives from the declaration
 *       the header the file must have, the parsing of a row (rules in declared order,
 *       the feed's cross-field rules in between), the insert and its binding;</li>
 *   <li>rules that need the book ({@code BookRule}: one wallet per member, known
 *       applications, returns of emitted transfers, claims a confirmation names) and duplicates by key and content
 *       hash, in {@code FeedRowWriter};</li>
 *   <li>the ledger of counts and rejects, the reports written from it, the steps.</li>
 * </ul>
 *
 * <p>The API, and who uses it; everything else is package-private:
 * <ul>
 *   <li>{@link jp.refund.ingest.Feed}, {@link jp.refund.ingest.FeedCount},
 *       {@link jp.refund.ingest.FeedReject}, {@link jp.refund.ingest.RejectReason}: what a
 *       night ingested, for the reports, the workbook and the book generator;</li>
 *   <li>{@link jp.refund.ingest.IngestLedger}: the night's counts and rejects, read-only
 *       outside this package;</li>
 *   <li>{@link jp.refund.ingest.IngestReports}: the rejects files and ingest summary,
 *       for publishing and for verify;</li>
 *   <li>{@link jp.refund.ingest.BrokenFeedException} and
 *       {@link jp.refund.ingest.IngestRollback}: how the job recognises a broken input
 *       and takes the night's ingest back;</li>
 *   <li>{@link jp.refund.ingest.FeedRecord} and {@link jp.refund.ingest.ParsedRow}: opaque
 *       item types of the {@code ingest-<feed>} steps, so a job configuration elsewhere
 *       can wire the step-scoped reader, parser and writer beans ({@code IngestStepParts}),
 *       named after {@link jp.refund.ingest.Feed#stepName()}.</li>
 * </ul>
 */
package jp.refund.ingest;
