-- A claim's notices are one range of the primary key (notice_id = <claim_no>-<kind>-<n>;
-- jp.refund.notice.NoticeIdRange): the index on claim_no only cost a B-tree write per notice,
-- 1.5 M of them on a full first night.
DROP INDEX notice_claim;
