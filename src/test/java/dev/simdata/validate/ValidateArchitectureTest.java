package dev.simdata.validate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The validator is independent of the generators, the application layer, the loader and the CLI. */
class ValidateArchitectureTest
{
    @Test
    void validatorDependsOnlyOnSchemaAndDataset()
    {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.simdata");
        noClasses().that().resideInAPackage("dev.simdata.validate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.simdata.generate..", "dev.simdata.app..", "dev.simdata.load..", "dev.simdata.cli..",
                        "dev.simdata.random..", "dev.simdata.time..", "dev.simdata.scenario..")
                .check(classes);
    }
}
