package dev.simdata.load;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The loader depends on the dataset format and schemas/, never on the generators, the CLI or the validators. */
class LoadArchitectureTest
{
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.simdata");

    @Test
    void loaderDependsOnlyOnSchemaAndDataset()
    {
        noClasses().that().resideInAPackage("dev.simdata.load..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.simdata.generate..", "dev.simdata.app..", "dev.simdata.validate..", "dev.simdata.cli..",
                        "dev.simdata.scenario..", "dev.simdata.random..", "dev.simdata.time..")
                .check(CLASSES);
    }
}
