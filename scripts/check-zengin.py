#!/usr/bin/env python3
"""Independent check of 総合振込 files (written apart from the Java code that makes them).

Usage: scripts/check-zengin.py FILE...   exit 0 if every file passes, 1 otherwise.
Checks: Shift_JIS single-byte text, 120-byte records (CRLF after each, or none at all),
record order header(1) data(2)* trailer(8) end(9), 種別コード 21, コード区分 0,
numeric fields are digits (顧客コード2 included: zero-filled), 振込指定区分 7, trailer count and total equal the data records.
"""
import sys

def records(data):
    if len(data) % 122 == 0 and all(data[i + 120:i + 122] == b"\r\n" for i in range(0, len(data), 122)):
        return [data[i:i + 120] for i in range(0, len(data), 122)]
    if len(data) % 120 == 0:
        return [data[i:i + 120] for i in range(0, len(data), 120)]
    raise ValueError("%d bytes is not a whole number of 120-byte records" % len(data))

def digits(rec, start, end, name):
    field = rec[start - 1:end]
    if not field.isdigit():
        raise ValueError("%s (bytes %d-%d) is not digits: %r" % (name, start, end, field))
    return int(field)

def check(path):
    data = open(path, "rb").read()
    recs = records(data)
    for n, rec in enumerate(recs, 1):
        text = rec.decode("shift_jis")
        if len(text) != 120:
            raise ValueError("record %d holds multi-byte characters" % n)
    kinds = "".join(chr(r[0]) for r in recs)
    if len(kinds) < 3 or kinds[0] != "1" or kinds[-2:] != "89" or set(kinds[1:-2]) - {"2"}:
        raise ValueError("record kinds %s are not 1 2* 8 9" % kinds)
    header = recs[0]
    if header[1:3] != b"21" or header[3:4] != b"0":
        raise ValueError("header is not 総合振込 (21) with code 0")
    digits(header, 5, 14, "振込依頼人コード")
    mmdd = digits(header, 55, 58, "取組日")
    total = 0
    for rec in recs[1:-2]:
        digits(rec, 2, 5, "被仕向銀行番号")
        digits(rec, 21, 23, "被仕向支店番号")
        digits(rec, 43, 50, "預金種目/口座番号")
        amount = digits(rec, 81, 90, "振込金額")
        digits(rec, 92, 101, "顧客コード1")
        digits(rec, 102, 111, "顧客コード2")
        if amount <= 0:
            raise ValueError("a transfer of %d yen" % amount)
        if rec[111:112] != b"7":
            raise ValueError("振込指定区分 is not 7")
        total += amount
    trailer = recs[-2]
    count = digits(trailer, 2, 7, "合計件数")
    sum_ = digits(trailer, 8, 19, "合計金額")
    if count != len(recs) - 3 or sum_ != total:
        raise ValueError("trailer says %d / %d yen, records are %d / %d yen" % (count, sum_, len(recs) - 3, total))
    return len(recs) - 3, total, mmdd

failed = False
for path in sys.argv[1:]:
    try:
        count, total, mmdd = check(path)
        print("ok   %s: %d transfer(s), %d yen, value date %04d" % (path, count, total, mmdd))
    except (ValueError, UnicodeDecodeError) as e:
        print("FAIL %s: %s" % (path, e))
        failed = True
sys.exit(1 if failed else 0)
