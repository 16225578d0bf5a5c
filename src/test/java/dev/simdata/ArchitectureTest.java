package dev.simdata;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of the layout: the loader and the validator depend on the dataset format and the schemas, never on
 * the generators; the generators know nothing of files; the dataset format knows nothing of the domain.
 */
class ArchitectureTest
{
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.simdata");

    @Test
    void loaderAndValidatorNeverDependOnGenerators()
    {
        noClasses().that().resideInAnyPackage("dev.simdata.load..", "dev.simdata.validate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.simdata.generate..", "dev.simdata.app..", "dev.simdata.cli..", "net.datafaker..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void exportAndDiffDependOnTheDatasetFormatNeverOnGenerators()
    {
        noClasses().that().resideInAnyPackage("dev.simdata.export..", "dev.simdata.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.simdata.generate..", "dev.simdata.app..", "dev.simdata.cli..", "dev.simdata.scenario..",
                        "dev.simdata.load..", "dev.simdata.validate..", "net.datafaker..")
                .check(CLASSES);
    }

    @Test
    void generatorsKnowNothingOfFilesOrDatabases()
    {
        noClasses().that().resideInAPackage("dev.simdata.generate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.simdata.dataset..", "dev.simdata.load..", "dev.simdata.validate..", "dev.simdata.cli..",
                        "org.apache.parquet..", "org.apache.avro..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void datasetFormatKnowsNothingOfTheDomainOrTheCommands()
    {
        noClasses().that().resideInAnyPackage("dev.simdata.dataset..", "dev.simdata.database..", "dev.simdata.schema..", "dev.simdata.random..", "dev.simdata.time..", "dev.simdata.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.simdata.generate..", "dev.simdata.app..", "dev.simdata.cli..", "dev.simdata.load..", "dev.simdata.validate..", "net.datafaker..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSparkPackageImportsSpark()
    {
        noClasses().that().resideOutsideOfPackage("dev.simdata.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(CLASSES);
    }

    @Test
    void sparkDependsOnTheGeneratorsAndTheDatasetFormatOnly()
    {
        noClasses().that().resideInAPackage("dev.simdata.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.simdata.load..", "dev.simdata.validate..", "dev.simdata.export..",
                        "dev.simdata.diff..", "dev.simdata.database..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheSparkPackage()
    {
        noClasses().that().resideOutsideOfPackage("dev.simdata.spark..")
                .should().dependOnClassesThat().resideInAPackage("dev.simdata.spark..")
                .check(CLASSES);
    }

    @Test
    void onlyMainExits()
    {
        noClasses().that().doNotHaveFullyQualifiedName("dev.simdata.cli.Main").and().doNotHaveFullyQualifiedName("dev.simdata.spark.SparkGenerate")
                .should().callMethod(System.class, "exit", int.class)
                .check(CLASSES);
    }
}
