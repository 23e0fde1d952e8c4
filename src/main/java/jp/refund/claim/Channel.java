package jp.refund.claim;

/** How an application reached us: the store app (logged in) or the public web form (documents checked by staff). */
public enum Channel {
    APP,
    WEB
}
