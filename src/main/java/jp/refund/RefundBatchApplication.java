package jp.refund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring application behind every command. It does nothing by itself at start-up:
 * the command line ({@link jp.refund.cli.RefundBatchCommand}) starts it and calls the
 * service it needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RefundBatchApplication {

    public static ConfigurableApplicationContext start(WebApplicationType type, String... springArgs) {
        SpringApplication application = new SpringApplication(RefundBatchApplication.class);
        application.setWebApplicationType(type);
        return application.run(springArgs);
    }
}
