package dev.igautomation;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the features apart: no cycles between them, their web and storage internals hidden, and the shared
 * {@code system} package free of any feature.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.igautomation");

	@Test
	void featuresDoNotDependOnEachOtherInACycle() {
		slices().matching("dev.igautomation.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void controllersRepositoriesAndEntitiesStayInsideTheirFeature() {
		classes().that().areAnnotatedWith(RestController.class)
			.or().areAssignableTo(Repository.class)
			.or().areAnnotatedWith(jakarta.persistence.Entity.class)
			.should().notHaveModifier(JavaModifier.PUBLIC)
			.check(CLASSES);
	}

	@Test
	void systemPackageKnowsNoFeature() {
		noClasses().that().resideInAPackage("dev.igautomation.system..")
			.should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.igautomation..")
				.and(JavaClass.Predicates.resideOutsideOfPackage("dev.igautomation.system..")))
			.check(CLASSES);
	}

	@Test
	void noFeatureDependsOnTheConsole() {
		noClasses().that().resideOutsideOfPackage("dev.igautomation.console..")
			.should().dependOnClassesThat().resideInAPackage("dev.igautomation.console..")
			.check(CLASSES);
	}

	@Test
	void dependenciesAreInjectedThroughConstructors() {
		noFields().should().beAnnotatedWith(Autowired.class).check(CLASSES);
	}

}
