package jp.refund.cli;

/** A command that starts the Spring application with the Spring properties of the command line. */
interface SpringCommand {
    void springArgs(String[] springArgs);
}
