package dev.passerelle.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.passerelle.connector.Connector;
import dev.passerelle.connector.ConsentCapability;
import dev.passerelle.connector.DocumentCapability;
import dev.passerelle.connector.ProfileCapability;
import dev.passerelle.connector.WealthCapability;
import dev.passerelle.testbank.TestBankConnector;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the compiled classes: packages
 * by feature with no cycle between them, a server that knows no connector, and one module, the
 * connector runtime, that calls connectors.
 */
class PackageRulesTest {

    private static final ArchRule THE_SERVER_IMPORTS_NO_CONNECTOR = noClasses()
            .that().resideInAPackage("dev.passerelle.server..")
            .should().dependOnClassesThat(resideInAPackage("dev.passerelle..")
                    .and(not(resideInAnyPackage(
                            "dev.passerelle.server..", "dev.passerelle.connector..", "dev.passerelle.runtime.."))));

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
     * only. The sandbox bank and the test connector it serves are modules the server has at run time
     * only (server/pom.xml), as every connector.
     */
    @Test
    void theServerImportsNoConnectorImplementation() {
        THE_SERVER_IMPORTS_NO_CONNECTOR.check(server);
    }

    /** The rule above holds something: a server class that imports a connector breaks it. */
    @Test
    void aServerClassImportingAConnectorBreaksTheRule() {
        JavaClasses offending = new ClassFileImporter().importClasses(ImportsTheTestConnector.class);

        assertThatThrownBy(() -> THE_SERVER_IMPORTS_NO_CONNECTOR.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ImportsTheTestConnector.class.getName())
                .hasMessageContaining("dev.passerelle.testbank.TestBankConnector");
    }

    /**
     * Steps and data calls go through {@code ConnectorRuntime}: its lease, bulkheads, session and
     * outcome mapping. Reading a connector's descriptor (what it is, not a call to the institution)
     * is the registry's.
     */
    @Test
    void onlyTheConnectorRuntimeCallsAConnector() {
        noClasses().should().callMethodWhere(onAConnector()).check(server);
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

    /** What {@link #aServerClassImportingAConnectorBreaksTheRule} checks the rule against (a test class: not imported above). */
    static final class ImportsTheTestConnector {

        static UUID testConnector() {
            return TestBankConnector.UUID;
        }
    }
}
