/**
 * The CSV layer of ingest: bytes to records, knowing nothing of feeds. Physical lines
 * split on LF and decoded strictly in the file's charset ({@code PhysicalLineReader}),
 * RFC 4180 records that may span lines ({@link jp.refund.ingest.csv.CsvRecordReader},
 * {@link jp.refund.ingest.csv.CsvRecord}) whose fields {@code FieldSplitter} splits, marking
 * a stray quote in whichever field it stands instead of letting it open a field, and the
 * header row checked against the columns a file must have ({@link jp.refund.ingest.csv.CsvHeader}).
 *
 * <p>Its three public types are public only for {@code jp.refund.ingest}, the feed layer
 * above it; no other package uses them.
 */
package jp.refund.ingest.csv;
