package jp.refund.cli;

/**
 * A command that starts the Spring application: it receives the Spring properties of the
 * command line ({@code --spring.datasource.url=...}, {@code --refund.x=y}) to pass on.
 */
abstract class SpringCommand {

    protected String[] springArgs = new String[0];

    void springArgs(String[] springArgs) {
        this.springArgs = springArgs;
    }
}
