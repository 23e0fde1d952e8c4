package jp.refund.architecture;

import jp.refund.RefundBatchApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages as Spring Modulith sees them: no cycle between two features, and
 * no feature reaching into another's internal sub-packages. Fails the build otherwise.
 */
class ModuleStructureTest {

    @Test
    void featuresHaveNoCyclesAndKeepTheirInternals() {
        ApplicationModules modules = ApplicationModules.of(RefundBatchApplication.class);
        modules.verify();
    }
}
