package jp.refund.bankfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole 総合振込 file: header, one data record per transfer, trailer, end. The
 * trailer is computed from the data records when writing, and checked against them
 * when reading. Records are 120 bytes, each followed by CRLF unless the bank asked for
 * a file without line ends.
 */
public record ZenginFile(ZenginHeaderRecord header, List<ZenginDataRecord> transfers, ZenginTrailerRecord trailer) {

    public ZenginFile {
        transfers = List.copyOf(transfers);
    }

    /** A file whose trailer holds the count and total of its transfers. */
    public static ZenginFile of(ZenginHeaderRecord header, List<ZenginDataRecord> transfers) {
        long total = 0;
        for (ZenginDataRecord t : transfers) {
            total = Math.addExact(total, t.amountYen());
        }
        return new ZenginFile(header, transfers, new ZenginTrailerRecord(transfers.size(), total));
    }

    public void write(OutputStream out, boolean crlf) throws IOException {
        writeRecord(out, header.format(), crlf);
        for (ZenginDataRecord transfer : transfers) {
            writeRecord(out, transfer.format(), crlf);
        }
        writeRecord(out, trailer.format(), crlf);
        writeRecord(out, new ZenginEndRecord().format(), crlf);
    }

    public byte[] toBytes(boolean crlf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((transfers.size() + 3) * 122);
        try {
            write(out, crlf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void writeRecord(OutputStream out, byte[] record, boolean crlf) throws IOException {
        out.write(record);
        if (crlf) {
            out.write('\r');
            out.write('\n');
        }
    }

    /**
     * Reads a file written with or without CRLF and checks its structure and its
     * trailer against its data records. Errors name the record number (1-based).
     */
    public static ZenginFile parse(byte[] bytes) {
        List<byte[]> records = split(bytes);
        if (records.size() < 3) {
            throw new ZenginFormatException("file", null, 0, "a file needs a header, a trailer and an end record");
        }
        ZenginHeaderRecord header = at(1, () -> ZenginHeaderRecord.parse(records.get(0)));
        List<ZenginDataRecord> transfers = new ArrayList<>();
        for (int i = 1; i < records.size() - 2; i++) {
            int n = i;
            transfers.add(at(n + 1, () -> ZenginDataRecord.parse(records.get(n))));
        }
        ZenginTrailerRecord trailer = at(records.size() - 1,
                () -> ZenginTrailerRecord.parse(records.get(records.size() - 2)));
        at(records.size(), () -> ZenginEndRecord.parse(records.get(records.size() - 1)));
        ZenginFile file = new ZenginFile(header, transfers, trailer);
        file.checkTrailer();
        return file;
    }

    /** The trailer's count and total must be those of the data records. */
    public void checkTrailer() {
        ZenginTrailerRecord computed = of(header, transfers).trailer();
        if (computed.count() != trailer.count()) {
            throw new ZenginFormatException(ZenginTrailerRecord.RECORD, "合計件数", 2, "says " + trailer.count()
                    + " transfers, the file has " + computed.count());
        }
        if (computed.totalYen() != trailer.totalYen()) {
            throw new ZenginFormatException(ZenginTrailerRecord.RECORD, "合計金額", 8, "says " + trailer.totalYen()
                    + " yen, the transfers add up to " + computed.totalYen());
        }
    }

    private static List<byte[]> split(byte[] bytes) {
        boolean crlf = bytes.length >= 122 && bytes[120] == '\r' && bytes[121] == '\n';
        int stride = crlf ? 122 : 120;
        if (bytes.length % stride != 0) {
            throw new ZenginFormatException("file", null, 0, bytes.length + " bytes is not a whole number of "
                    + (crlf ? "120-byte records with CRLF" : "120-byte records"));
        }
        List<byte[]> records = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += stride) {
            byte[] record = new byte[120];
            System.arraycopy(bytes, offset, record, 0, 120);
            if (crlf && (bytes[offset + 120] != '\r' || bytes[offset + 121] != '\n')) {
                throw new ZenginFormatException("record " + (records.size() + 1), null, 121, "expected CRLF");
            }
            records.add(record);
        }
        return records;
    }

    private static <T> T at(int recordNumber, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ZenginFormatException e) {
            throw new ZenginFormatException("record " + recordNumber + " (" + e.record() + ")", e.field(),
                    e.position(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
    }
}
