package dev.simdata.cli;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Commands are thin and independent: each parses its options and calls the services and the shared printers and
 * converters in this package. No class constructs or calls a command class but the command itself: picocli alone
 * instantiates them, from the {@code subcommands} of {@link SimdataCommand}, which {@link Cli} constructs.
 */
class CommandArchitectureTest
{
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.simdata.cli");

    @Test
    void noClassConstructsOrCallsAnotherCommand()
    {
        classes().that().resideInAPackage("dev.simdata.cli").and().doNotHaveSimpleName("Cli")
                .should(new ArchCondition<JavaClass>("neither construct nor call another command class")
                {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events)
                    {
                        for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                            JavaClass target = topLevel(access.getTargetOwner());
                            if (isCommand(target) && !target.equals(topLevel(origin))) {
                                events.add(SimpleConditionEvent.violated(origin, access.getDescription()));
                            }
                        }
                    }
                })
                .check(CLASSES);
    }

    private static boolean isCommand(JavaClass javaClass)
    {
        return javaClass.getPackageName().equals("dev.simdata.cli") && javaClass.getSimpleName().endsWith("Command");
    }

    private static JavaClass topLevel(JavaClass javaClass)
    {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
