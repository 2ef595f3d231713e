package dev.passerelle.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.ProfileCapability;
import dev.passerelle.connector.WealthCapability;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the compiled classes: packages
 * by feature with no cycle between them, a server that knows no connector, and one module, the
 * connector runtime, that calls connectors.
 */
class PackageRulesTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.passerelle.server");
    }

    @Test
    void theServersFeaturePackagesFormNoCycle() {
        slices().matching("dev.passerelle.server.(*)..").should().beFreeOfCycles().check(server);
    }

    /**
     * Connectors are found by ServiceLoader, never imported: the server knows the SPI and the runtime
     * only. The sandbox PSD2 bank still serves the test connector's customers and switches its
     * redirect source off outside sandbox mode; it is the one known exception until the sandbox
     * moves into its own module (issue 10, item 5).
     */
    @Test
    void theServerImportsNoConnectorImplementation() {
        noClasses().that().resideInAPackage("dev.passerelle.server..")
                .and().resideOutsideOfPackage("dev.passerelle.server.sandboxbank..")
                .should().dependOnClassesThat(resideInAPackage("dev.passerelle..")
                        .and(not(resideInAnyPackage(
                                "dev.passerelle.server..", "dev.passerelle.connector..", "dev.passerelle.runtime.."))))
                .check(server);
    }

    @Test
    void theSandboxBankImportsOnlyTheTestConnectorAmongConnectors() {
        noClasses().that().resideInAPackage("dev.passerelle.server.sandboxbank..")
                .should().dependOnClassesThat(resideInAPackage("dev.passerelle..")
                        .and(not(resideInAnyPackage("dev.passerelle.server..", "dev.passerelle.connector..",
                                "dev.passerelle.runtime..", "dev.passerelle.testbank"))))
                .check(server);
    }

    /**
     * Steps and data calls go through {@code ConnectorRuntime}: its lease, bulkheads, session and
     * outcome mapping. Reading a connector's descriptor (what it is, not a call to the institution)
     * is the registry's; the sandbox bank is the known exception named above.
     */
    @Test
    void onlyTheConnectorRuntimeCallsAConnector() {
        noClasses().that().resideOutsideOfPackage("dev.passerelle.server.sandboxbank..")
                .should().callMethodWhere(onAConnector()).check(server);
    }

    private static DescribedPredicate<JavaMethodCall> onAConnector() {
        List<Class<?>> connectorTypes = List.of(Connector.class, DocumentCapability.class, WealthCapability.class,
                ProfileCapability.class, ConsentCapability.class);
        return DescribedPredicate.describe("a method of a connector (Connector or a capability)",
                call -> !call.getName().equals("descriptor")
                        && connectorTypes.stream().anyMatch(type -> isA(call.getTargetOwner(), type)));
    }

    private static boolean isA(JavaClass owner, Class<?> type) {
        return owner.isAssignableTo(type);
    }
}
